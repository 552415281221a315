package io.skillsync.sync;

/** An assignment as CXone holds it. */
public record Assignment(long agentId, long skillId, int proficiency, boolean active) {

    public AssignmentKey key() {
        return new AssignmentKey(agentId, skillId);
    }

    /** Whether this is what the row asks of CXone: the planner leaves it out, read-back counts it kept. */
    public boolean grants(Row row) {
        return proficiency == row.targetProficiency() && active == row.active();
    }
}
