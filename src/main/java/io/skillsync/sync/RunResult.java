package io.skillsync.sync;

import java.util.Locale;

/** How a run ends (operations.md, "A run"): its summary's {@code result} and the metric's label. */
public enum RunResult {
    /** Every row has its outcome; the file moved to processed/. */
    COMPLETE,
    /** The blast-radius guard held the file in hold/: nothing written. */
    HELD,
    /** The run could not go on (credentials, a permission, CXone down): the file waits in the inbox. */
    STOPPED,
    /** Stopped as planned (the window closed, a shutdown, another replica leads): it goes on later. */
    PAUSED,
    /** The file is not a roster, or over a limit: set aside in error/ unread. */
    UNREADABLE,
    /** The run's record could not be written (disk full): the file waits in the inbox. */
    UNWRITABLE,
    /** Something unexpected: the file set aside in error/ with the reason. */
    FAILED,
    /** The process ended during the run: its record was rebuilt from its journal. */
    INTERRUPTED;

    /** The result as summaries, metrics and the console spell it. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
