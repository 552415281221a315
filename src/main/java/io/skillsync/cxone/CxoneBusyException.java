package io.skillsync.cxone;

/** A 429 or 5xx: CXone may take the same request a little later, so the error handler retries it. */
public class CxoneBusyException extends CxoneException {

    public CxoneBusyException(int status, String message) {
        super(status, message);
    }
}
