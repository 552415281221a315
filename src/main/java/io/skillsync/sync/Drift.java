package io.skillsync.sync;

import java.util.Optional;

/**
 * An assignment CXone holds otherwise than SkillSync last set it: changed in CXone's admin, or by another
 * integration, since. Pure: what CXone holds is given, read by the run (or the drift report) beforehand.
 *
 * @param set          what SkillSync last set
 * @param now          what CXone holds now, or null when it holds no such assignment (removed)
 * @param rosterAgrees the roster at hand asks what CXone holds now: nothing to settle, SkillSync takes it over
 */
public record Drift(ManagedAssignment set, Assignment now, boolean rosterAgrees) {

    /**
     * Who made CXone's value. CXone's audit shows every API write as "Not applicable", so the one thing known for
     * sure is that it was not SkillSync (whose own writes are what {@link #set} records).
     */
    public static final String NOT_SKILLSYNC = "not SkillSync";
    public static final String NOT_ASSIGNED = "not assigned";

    /**
     * The drift between what SkillSync set and what CXone holds, if any.
     *
     * @param set what SkillSync last set, or null when it never set this assignment (no drift: not ours)
     * @param now what CXone holds, or null when the read found no such assignment
     */
    public static Optional<Drift> between(ManagedAssignment set, Assignment now) {
        if (set == null || same(set, now)) {
            return Optional.empty();
        }
        return Optional.of(new Drift(set, now, false));
    }

    /** The drift a roster's row meets; it notes whether the row asks exactly what CXone holds now. */
    public static Optional<Drift> metBy(Row row, ManagedAssignment set, Assignment now) {
        return between(set, now).map(drift -> new Drift(set, now, asks(row, now)));
    }

    /**
     * Whether CXone holds what SkillSync set. Set switched off and now removed is the same to routing (the agent
     * does not take the skill either way), so no drift; a level SkillSync left as it was (unknown) is not weighed.
     */
    static boolean same(ManagedAssignment set, Assignment now) {
        if (now == null) {
            return !set.active();
        }
        return set.active() == now.active() && (set.proficiency() == Row.NONE || set.proficiency() == now.proficiency());
    }

    /** The row asks what CXone holds now (a blank level keeps CXone's; switching off what is not there is nothing). */
    static boolean asks(Row row, Assignment now) {
        if (now == null) {
            return !row.active();
        }
        return row.active() == now.active() && (row.proficiency() == Row.NONE || row.proficiency() == now.proficiency());
    }

    public AssignmentKey key() {
        return set.key();
    }

    /** What CXone holds now, in words: "9, inactive", or "not assigned". */
    public String nowState() {
        return now == null ? NOT_ASSIGNED : state(now.proficiency(), now.active());
    }

    /** Who made CXone's value, as far as SkillSync can tell. */
    public String setBy() {
        return NOT_SKILLSYNC;
    }

    /** The drift in words, for the audit's drift column and a kept row's detail. */
    public String words() {
        return "SkillSync set " + set.state() + " in run " + set.runId() + "; CXone now holds " + nowState() + " (set by "
                + setBy() + ")";
    }

    /** "5, active", "inactive" when the level is unknown. */
    static String state(int proficiency, boolean active) {
        String flag = active ? "active" : "inactive";
        return proficiency == Row.NONE ? flag : proficiency + ", " + flag;
    }
}
