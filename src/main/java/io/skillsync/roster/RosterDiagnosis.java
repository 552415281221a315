package io.skillsync.roster;

import java.util.Locale;

/**
 * Puts why a roster cannot be read into words an operator can act on: the CSV parser's failures, and a
 * header that looks split by the wrong separator.
 */
final class RosterDiagnosis {

    private RosterDiagnosis() {
    }

    /** The parser's failure on the record starting at {@code line}, as an unreadable roster. */
    static UnreadableRosterException unreadable(long line, Throwable cause) {
        String message = cause == null ? "" : String.valueOf(cause.getMessage());
        if (message.contains("EOF reached before encapsulated token finished")) {
            return new UnreadableRosterException("line " + line + ": a quoted field is never closed"
                    + " (unbalanced \" quote)", cause);
        }
        if (message.toLowerCase(Locale.ROOT).contains("between encapsulated token and delimiter")) {
            return new UnreadableRosterException("line " + line + ": text follows a closing \" quote"
                    + " inside a field (unbalanced \" quote)", cause);
        }
        return new UnreadableRosterException("line " + line + ": not valid CSV: " + message, cause);
    }

    /** A hint to add to a refused header's reason when its one cell looks ;- or tab-separated, else "". */
    static String separatorHint(RosterRecord header) {
        if (header.cells().size() == 1) {
            String only = header.cells().get(0);
            if (only.contains(";")) {
                return " (it looks ;-separated, expected commas)";
            }
            if (only.contains("\t")) {
                return " (it looks tab-separated, expected commas)";
            }
        }
        return "";
    }
}
