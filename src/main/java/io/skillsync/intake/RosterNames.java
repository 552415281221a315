package io.skillsync.intake;

import java.util.regex.Pattern;

import io.skillsync.roster.RosterReader;

/**
 * What a roster file may be called. A name outside this alphabet is never handed to Camel's file
 * consumer: Camel reads a backslash as a path separator, so {@code x\..\..\victim.csv} would be read and
 * moved outside the work dir. Such files are quarantined instead (InboxSweep).
 */
public final class RosterNames {

    /**
     * Letters, digits, {@code . _ -} and spaces, starting with a letter or digit, ending {@code .csv} or a
     * workbook's {@code .xlsx} (also {@code .xlsm} and {@code .xls}, taken to be refused with the reason); at most
     * 120. (No {@code +}: in the consumer's URI it would read as a space.)
     */
    public static final String SAFE = "[A-Za-z0-9][A-Za-z0-9._ -]{0,115}\\.([cC][sS][vV]|[xX][lL][sS][xXmM]?)";
    private static final Pattern SAFE_NAME = Pattern.compile(SAFE);
    private static final int LOGGED_LENGTH = 80;

    private RosterNames() {
    }

    public static boolean safe(String name) {
        return SAFE_NAME.matcher(name).matches();
    }

    /** Whether the name says roster (a .csv, or a workbook: .xlsx, .xlsm, .xls, in any case), safe or not. */
    public static boolean roster(String name) {
        // (?s): a name with a line break in it is still a roster's name, to be set aside rather than passed over
        return name.matches("(?is).*\\." + RosterReader.EXTENSIONS);
    }

    /** The name as a log line may show it: control characters escaped, cut at 80 characters. */
    public static String forLog(String name) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < name.length() && out.length() < LOGGED_LENGTH; i++) {
            char c = name.charAt(i);
            if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT || c == '\u2028' || c == '\u2029') {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return name.length() > LOGGED_LENGTH ? out + "...(" + name.length() + " characters)" : out.toString();
    }

    /** The name cut down to {@code [A-Za-z0-9._-]}, without leading dots, dashes or underscores. */
    public static String plain(String name) {
        return name.replaceAll("[^A-Za-z0-9._-]", "_").replaceAll("^[._-]+", "");
    }

    /** A name for the quarantined copy: the safe characters of the original, or "roster". */
    public static String quarantineName(String name) {
        String base = plain(name.replaceAll("(?i)\\." + RosterReader.EXTENSIONS + "$", ""));
        base = base.length() > 60 ? base.substring(0, 60) : base;
        return base.isEmpty() ? "roster" : base;
    }
}
