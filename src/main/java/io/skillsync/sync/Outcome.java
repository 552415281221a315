package io.skillsync.sync;

import java.util.Locale;

/** Every input row ends in exactly one of these (operations.md, "A run"). */
public enum Outcome {
    /** Written to CXone and accepted. */
    APPLIED,
    /** CXone already held this state, or the row repeats another; nothing written. */
    UNCHANGED,
    /** The row itself is wrong; it can be rerun only once fixed. */
    REJECTED,
    /** Valid, but CXone refused it or could not be reached; reruns as it is. */
    FAILED,
    /** Dry run: would be written. */
    PLANNED,
    /** Effective later: written to scheduled/, it runs when its time comes. */
    SCHEDULED;

    /** The outcome's name as it is written in audit files and summaries. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Rows that go to the error file. */
    public boolean needsAttention() {
        return this == REJECTED || this == FAILED;
    }
}
