package io.skillsync.roster;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * The {@code effective} and {@code until} cells (roster-format.md, "Effective dates"): an ISO date is the start
 * of that day in the roster's zone ({@code skillsync.roster.zone}); a date-time carries its own offset, since
 * a time without one could be read in two zones and would move a class's go-live by hours.
 */
public final class RosterDates {

    private RosterDates() {
    }

    /** The instant a cell names, or null for a blank cell. */
    public static Instant parse(String cell, ZoneId zone) {
        if (cell == null || cell.isBlank()) {
            return null;
        }
        String value = cell.strip();
        try {
            if (value.length() <= 10) {
                return LocalDate.parse(value).atStartOfDay(zone).toInstant();
            }
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + cell + "' is not a date (2026-12-04) nor a date-time with its"
                    + " offset (2026-12-04T18:00:00+01:00)");
        }
    }
}
