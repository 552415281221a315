package io.skillsync.cxone;

/** CXone could not be asked, or refused in a way no retry mends; the message is safe to log and audit. */
public class CxoneException extends RuntimeException {

    private final int status;

    public CxoneException(int status, String message) {
        super(message);
        this.status = status;
    }

    public CxoneException(int status, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    /** The HTTP status CXone answered, or 0 when no answer came. */
    public int status() {
        return status;
    }
}
