package io.skillsync.sync;

/** An (agent, skill) pair: what a row and a CXone assignment are about. */
public record AssignmentKey(long agentId, long skillId) {
}
