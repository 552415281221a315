package io.skillsync.record;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Run ids (operations.md): the start in UTC, sortable, and four hex digits, e.g. {@code 20261122T230501Z-3f9c}.
 * One place makes them and reads their time back, for runs and for the quarantine's names alike.
 */
public final class RunIds {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private RunIds() {
    }

    public static String next(Instant at) {
        return STAMP.format(at) + "-" + HexFormat.of().toHexDigits((short) ThreadLocalRandom.current().nextInt(1 << 16));
    }

    /** When the run (or a file named after it) started; null when the name does not start with a run id. */
    public static Instant startOf(String runIdOrFileName) {
        try {
            return Instant.from(STAMP.parse(runIdOrFileName.substring(0, Math.min(16, runIdOrFileName.length()))));
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
