package io.skillsync.sync;

/**
 * The run cannot go on (credentials refused, a permission missing, CXone down, the service stopping).
 * Its audit and summary are written, and the file stays in the inbox to run again once the cause is gone.
 */
public class RunStoppedException extends RuntimeException {

    private final boolean expected;

    public RunStoppedException(String reason) {
        this(reason, false);
    }

    /** @param expected the stop is the plan working (the window closed, a shutdown), not a fault: readiness stays UP */
    public RunStoppedException(String reason, boolean expected) {
        super(reason);
        this.expected = expected;
    }

    public boolean expected() {
        return expected;
    }
}
