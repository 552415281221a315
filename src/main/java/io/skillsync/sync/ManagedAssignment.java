package io.skillsync.sync;

import java.time.Instant;

/**
 * What SkillSync last set on an (agent, skill), by which run and when: the yardstick drift is measured by.
 *
 * @param proficiency the level set, or {@link Row#NONE} when the write left it as CXone held it (unknown)
 * @param runId       the run that set it; shared by every assignment of one run, so a big store holds one copy
 */
public record ManagedAssignment(long agentId, long skillId, int proficiency, boolean active, String runId, Instant at) {

    public AssignmentKey key() {
        return new AssignmentKey(agentId, skillId);
    }

    /** "5, active": as the summary, the audit and the drift report say it. */
    public String state() {
        return Drift.state(proficiency, active);
    }
}
