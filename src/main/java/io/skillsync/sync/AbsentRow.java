package io.skillsync.sync;

/**
 * An assignment a full roster leaves out: CXone holds it active, for an active agent, on a skill the file
 * answers for, and no row of the file names that agent for that skill. It is a row of the run like any
 * other (planned, weighed by the guard, written, read back, audited), with no line of the file behind it,
 * so it carries the names its audit line shows.
 */
public final class AbsentRow extends Row {

    private final String email;
    private final String skill;
    /** Unassigned with NICE's DELETE rather than switched off. */
    private final boolean delete;

    /**
     * @param ordinal its place among the run's absent rows: with line 0 (no line of the file), the key the
     *                journal knows it by
     */
    public AbsentRow(int ordinal, Assignment held, String email, String skill, boolean delete) {
        super(0, ordinal);
        this.email = email;
        this.skill = skill;
        this.delete = delete;
        resolvedTo(held.agentId(), held.skillId());
        previously(held.proficiency(), held.active());
        // switched off at the level it has: the undo roster switches it on again at that level
        wants(NONE, false);
    }

    /** What became of it, said as what it is: no line asked for it. */
    @Override
    public String detail() {
        if (delete && (outcome() == Outcome.APPLIED || outcome() == Outcome.PLANNED)) {
            return "not in the full roster: unassigned (it was proficiency " + previousProficiency() + ", active)";
        }
        return "not in the full roster: " + super.detail();
    }

    @Override
    public boolean removes() {
        return delete;
    }

    /** The agent's e-mail (or user name) as CXone knows it. */
    public String email() {
        return email;
    }

    /** The skill's name as CXone spells it. */
    public String skill() {
        return skill;
    }
}
