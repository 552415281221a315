package io.skillsync.sync;

/** An assignment as CXone holds it. */
public record Assignment(long agentId, long skillId, int proficiency, boolean active) {

    public AssignmentKey key() {
        return new AssignmentKey(agentId, skillId);
    }
}
