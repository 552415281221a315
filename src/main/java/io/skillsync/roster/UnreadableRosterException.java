package io.skillsync.roster;

/** The file as a whole cannot be read as a roster: it goes to error/ with a reason, no row is attempted. */
public class UnreadableRosterException extends RuntimeException {

    public UnreadableRosterException(String reason) {
        super(reason);
    }

    public UnreadableRosterException(String reason, Throwable cause) {
        super(reason, cause);
    }

    /** The UnreadableRosterException behind a failure of the split (which wraps what it meets). */
    public static Throwable in(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof UnreadableRosterException) {
                return t;
            }
        }
        return failure;
    }
}
