package io.skillsync.console;

import java.util.Arrays;
import java.util.Optional;

/**
 * What the console may say after an action, by key: the redirect names a key ({@code ?message=released}),
 * never text. A link can therefore make the page say only what the console itself says; an unknown key says
 * nothing (security review N11: a link could put any sentence, say a phishing one, inside the trusted page).
 */
public enum ConsoleMessage {

    RERUN("rerun", "Moved to the inbox: it runs next."),
    RELEASED("released", "Released under your name: its content passes the guard once. It moved to the inbox and runs next."),
    APPLIED("applied", "Applied: it is in the inbox and runs next."),
    CHOOSE_FILE("choose-file", "Choose a roster file to preview."),
    BAD_NAME("bad-name", "Refused: that is not the plain .csv name of a waiting file."),
    NO_SUCH_FILE("no-such-file", "Refused: that file is not there (any more). The lists below are current."),
    INBOX_TAKEN("inbox-taken", "Refused: a file of that name waits in the inbox already. Try again once it has run."),
    NO_PREVIEW("no-preview", "Refused: there is no such preview."),
    NOT_PLANNED("not-planned", "Refused: the preview has no plan yet. Apply it once its plan shows."),
    ALREADY_APPLIED("already-applied", "Refused: this preview was applied already."),
    CONTENT_CHANGED("content-changed", "Refused: the kept content no longer matches what was previewed. Preview it again."),
    NO_RUN("no-run", "Refused: there is no such run."),
    NOTHING_TO_REVERT("nothing-to-revert", "Refused: that run changed nothing in CXone, so there is nothing to revert."),
    DISCARDED("discarded", "The preview is discarded, with its files (and its dry run, if it was still waiting)."),
    UPLOAD_TOO_LARGE("upload-too-large", "Refused: the upload is over the size a roster may have"
            + " (skillsync.intake.max-file-size): split it. Nothing was kept."),
    TOO_MANY_PREVIEWS("too-many-previews", "Refused: as many previews are open as there may be"
            + " (skillsync.console.previews.max-open). Apply or discard one first."),
    RELEASE_REQUESTED("release-requested", "Release asked for under your name. Under the two-person rule another"
            + " operator releases it too; it stays in hold/ until then."),
    CANCELLED("cancelled", "Cancelled under your name: the scheduled file moved to error/ with the reason, and nothing of it"
            + " was written. To run it after all, rerun it from error/."),
    NOT_SCHEDULED("not-scheduled", "Refused: that file is not scheduled (any more): it may have run already, or been"
            + " cancelled. The list below is current."),
    SECOND_OPERATOR("second-operator", "Refused: under the two-person rule another operator applies a preview than"
            + " the one who made it.");

    private final String key;
    private final String text;

    ConsoleMessage(String key, String text) {
        this.key = key;
        this.text = text;
    }

    /** The message a redirect named, if it is one of these. */
    public static Optional<ConsoleMessage> of(String key) {
        return Arrays.stream(values()).filter(m -> m.key.equals(key)).findFirst();
    }

    public String key() {
        return key;
    }

    public String text() {
        return text;
    }
}
