package io.skillsync.cxone;

/** CXone answered 409: retried a little later like a busy answer; once retries are spent, the items fail. */
public class CxoneConflictException extends CxoneBusyException {

    public CxoneConflictException(String message) {
        super(409, message);
    }
}
