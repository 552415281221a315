package io.skillsync.sync;

/**
 * How a write reaches CXone: POST assigns a skill an agent lacks, PUT changes one the agent holds, DELETE
 * unassigns one (a full roster's leaver, with {@code skillsync.roster.full-removal=delete}).
 */
public enum Verb {
    POST, PUT, DELETE
}
