package io.skillsync.run;

/**
 * The run cannot go on (credentials refused, a permission missing, CXone down, the service stopping).
 * Its audit and summary are written, and the file stays in the inbox to run again once the cause is gone.
 */
public class RunStoppedException extends RuntimeException {

    public RunStoppedException(String reason) {
        super(reason);
    }
}
