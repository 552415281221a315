package io.skillsync.run;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import org.apache.camel.ExchangeProperty;

import io.skillsync.config.SkillSyncConfig;
import io.skillsync.roster.LevelMapping;
import io.skillsync.roster.Mappings;
import io.skillsync.roster.RosterColumns;
import io.skillsync.roster.RosterDates;
import io.skillsync.roster.RosterRecord;
import io.skillsync.sync.Outcome;
import io.skillsync.sync.Row;

/**
 * Checks one row against roster-format.md. A wrong row is rejected with a detail that names its line and
 * every wrong field; a right one carries on to resolution.
 */
@ApplicationScoped
@Named("rowValidator")
public class RowValidator {

    /** The current unit's settings, read at each call. */
    private final SkillSyncConfig config;

    private static final Pattern EMAIL = Pattern.compile("[^@\\s<>\",;()\\[\\]]+@[^@\\s<>\",;()\\[\\]]+\\.[^@\\s<>\",;()\\[\\]]+");
    /** A matrix cell's words for "off this skill" (roster-format.md, "Layouts"). */
    private static final Set<String> OFF = Set.of("off", "inactive", "false", "no");
    /** A whole number as a roster's ID cell holds one: at most 18 digits, so it fits a long. */
    static final Pattern DIGITS = Pattern.compile("\\d{1,18}");


    RowValidator(SkillSyncConfig config) {
        this.config = config;
    }

    public RowRequest validate(RosterRecord record, @ExchangeProperty(RunProperties.RUN) Run run) {
        Mappings mappings = run.mappings();
        RosterColumns columns = record.columns();
        Row row = new Row(record.line(), record.column());
        List<String> problems = new ArrayList<>();

        String email = blankToNull(record.cell(columns.email()));
        if (email != null && !EMAIL.matcher(email).matches()) {
            problems.add("email '" + email + "' is not an e-mail address");
        }
        Long agentId = id(record.cell(columns.agentId()), "agentId", problems);
        if (email == null && agentId == null && !problems.stream().anyMatch(p -> p.startsWith("agentId"))) {
            problems.add("email: an e-mail address or an agentId is required");
        }

        String skill = blankToNull(record.skill());
        if (skill != null) {
            // HR's name or code for the skill, per the row's locale where a mapping line says one
            skill = mappings.skills().skillFor(skill, blankToNull(record.cell(columns.locale()))).orElse(skill);
        }
        Long skillId = id(record.cell(columns.skillId()), "skillId", problems);
        if (skill == null && skillId == null && !problems.stream().anyMatch(p -> p.startsWith("skillId"))) {
            problems.add("skill: a skill name or a skillId is required");
        }

        String level = record.proficiency();
        // HR's level word or score first: with a 0..100 range, 5 is a score, not proficiency 5
        LevelMapping.Level mapped = level == null || level.isBlank() ? null : mappings.levels().levelFor(level).orElse(null);
        // a matrix cell says off where a long file has an active column: deactivate, proficiency kept
        boolean off = mapped != null ? mapped.off()
                : record.column() >= 0 && level != null && OFF.contains(level.strip().toLowerCase(Locale.ROOT));
        Boolean active = off ? Boolean.FALSE : active(record.active(), problems);
        int proficiency = mapped != null && !off ? mapped.proficiency()
                : proficiency(off ? null : level, active, mappings.levels(), problems);
        if (mapped != null && !off && (proficiency < min() || proficiency > max())) {
            // levels.csv allows 1..20; this tenant's scale may be narrower (skillsync.proficiency)
            problems.add("'" + level + "' maps to proficiency " + proficiency + " (mappings/levels.csv line " + mapped.line()
                    + "), outside " + min() + ".." + max());
        }

        Instant effective = date(record.effective(), "effective", problems);
        Instant until = date(record.until(), "until", problems);
        if (until != null && (!until.isAfter(effective != null ? effective : run.started()))) {
            problems.add("until '" + record.until() + "' is not after " + (effective != null
                    ? "effective '" + record.effective() + "'" : "now: a temporary change must end later than it starts"));
        }

        if (!problems.isEmpty()) {
            row.end(Outcome.REJECTED, record.place() + ": " + String.join("; ", problems));
            return RowRequest.rejected(row, record.place());
        }
        row.wants(proficiency, active);
        return new RowRequest(row, record.place(), email, agentId, skill, skillId, effective, until);
    }

    private int proficiency(String cell, Boolean active, LevelMapping levels, List<String> problems) {
        String value = cell == null ? "" : cell.strip();
        if (value.isEmpty()) {
            if (Boolean.FALSE.equals(active)) {
                return Row.NONE;
            }
            problems.add("proficiency is required unless active is false");
            return Row.NONE;
        }
        if (DIGITS.matcher(value).matches()) {
            int level = Integer.parseInt(value);
            if (level >= min() && level <= max()) {
                return level;
            }
        }
        problems.add("proficiency '" + cell + "' is not a whole number from " + min() + " (highest) to " + max()
                + (levels.isEmpty() ? "" : " nor a level mappings/levels.csv maps (" + levels.described() + ")"));
        return Row.NONE;
    }

    private Instant date(String cell, String field, List<String> problems) {
        try {
            return RosterDates.parse(cell, zone());
        } catch (IllegalArgumentException e) {
            problems.add(field + " " + e.getMessage());
            return null;
        }
    }

    private static Boolean active(String cell, List<String> problems) {
        String value = cell == null ? "" : cell.strip().toLowerCase(Locale.ROOT);
        switch (value) {
            case "", "true", "yes", "y", "1", "active":
                return Boolean.TRUE;
            case "false", "no", "n", "0", "inactive":
                return Boolean.FALSE;
            default:
                problems.add("active '" + cell + "' is not one of true/false, yes/no, y/n, 1/0, active/inactive");
                return null;
        }
    }

    private static Long id(String cell, String field, List<String> problems) {
        String value = blankToNull(cell);
        if (value == null) {
            return null;
        }
        if (DIGITS.matcher(value).matches() && Long.parseLong(value) > 0) {
            return Long.parseLong(value);
        }
        problems.add(field + " '" + cell + "' is not a CXone ID (a positive whole number)");
        return null;
    }

    private static String blankToNull(String cell) {
        return cell == null || cell.isBlank() ? null : cell.strip();
    }

    private int min() {
        return config.proficiency().min();
    }

    private int max() {
        return config.proficiency().max();
    }

    private ZoneId zone() {
        return config.roster().zoneId();
    }
}
