package io.skillsync.config;

/** The folders under {@code skillsync.work-dir} (docs/operators.md, "The folders"), each name spelled once. */
public final class WorkFolders {

    public static final String INBOX = "inbox";
    public static final String PROCESSED = "processed";
    public static final String ERROR = "error";
    public static final String HOLD = "hold";
    public static final String AUDIT = "audit";
    /** Rows effective later, and the ends of temporary changes: each file moves into the inbox at its time. */
    public static final String SCHEDULED = "scheduled";
    /** Where a file is written whole before it is moved into the inbox at once. */
    public static final String STAGING = "staging";
    public static final String PREVIEWS = "previews";
    /** A run's own copy of the file it took, one folder per run: the file replaced in the inbox changes nothing of it. */
    public static final String CLAIMED = "claimed";
    /** When each console user last signed out: every replica refuses a session issued before that. */
    public static final String SIGN_OUTS = ".console/signed-out";

    private WorkFolders() {
    }
}
