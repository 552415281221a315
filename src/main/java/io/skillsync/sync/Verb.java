package io.skillsync.sync;

/** How a write reaches CXone: POST assigns a skill an agent lacks, PUT changes one the agent holds. */
public enum Verb {
    POST, PUT
}
