package io.skillsync.roster;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * HR's names and codes for skills (mappings/skills.csv, columns {@code hr,skill} and optionally
 * {@code locale}) and the CXone skill each stands for. HR names match ignoring case and surrounding
 * blanks. A line with a locale applies only to rows of that locale (ignoring case) and wins there over a
 * line without one, so one HR code reaches each locale's own skill ({@code Payments,Payment_Processing_DE,de-de}).
 */
public final class SkillMapping {

    /** The file's header names, normalised as {@link MappingFile#normalise} does; the first two are required. */
    static final List<String> COLUMNS = List.of("hr", "skill", "locale");

    /** No file: every name is taken as written. */
    public static final SkillMapping EMPTY = new SkillMapping(Map.of(), 0);

    /** The locale key of a line without a locale: it applies to rows of any locale. */
    private static final String ANY_LOCALE = "";

    /** The CXone skill an HR name maps to, and the file's line that says so (for a preview to show). */
    public record Match(String skill, int line) {
    }

    /** HR name (lower case) -> locale (lower case, or ANY_LOCALE) -> what that line maps it to. */
    private final Map<String, Map<String, Match>> byName;
    private final int size;

    private SkillMapping(Map<String, Map<String, Match>> byName, int size) {
        this.byName = byName;
        this.size = size;
    }

    /**
     * The mapping the file's lines state; {@code name} is how messages name the file.
     *
     * @throws MappingException at the first line that cannot be part of a mapping
     */
    static SkillMapping of(List<MappingFile.Line> lines, String name) {
        Map<String, Map<String, Match>> byName = new HashMap<>();
        int size = 0;
        for (MappingFile.Line line : lines) {
            String at = name + " line " + line.number() + ": ";
            String hr = line.cell(0);
            String skill = line.cell(1);
            String locale = line.cell(2);
            if (hr.isEmpty()) {
                throw new MappingException(at + "the hr cell is blank (each line maps an HR name or code to a skill)");
            }
            if (skill.isEmpty()) {
                throw new MappingException(at + "no skill for '" + hr + "'");
            }
            Map<String, Match> byLocale = byName.computeIfAbsent(key(hr), k -> new HashMap<>());
            Match before = byLocale.putIfAbsent(key(locale), new Match(skill, line.number()));
            if (before == null) {
                size++;
            } else if (!before.skill().equals(skill)) {
                // which of the two HR meant cannot be guessed; the same line twice is harmless and kept once
                throw new MappingException(at + "'" + hr + "'" + (locale.isEmpty() ? "" : " for locale '" + locale + "'")
                        + " maps to '" + skill + "' here but to '" + before.skill() + "' on line " + before.line());
            }
        }
        return size == 0 ? EMPTY : new SkillMapping(byName, size);
    }

    /**
     * The CXone skill and mapping line for {@code hrName} in a row of {@code locale} (null or blank when the
     * row states none): the line for that locale if there is one, else the line for any locale, else empty.
     */
    public Optional<Match> matchFor(String hrName, String locale) {
        if (hrName == null || hrName.isBlank()) {
            return Optional.empty();
        }
        Map<String, Match> byLocale = byName.get(key(hrName));
        if (byLocale == null) {
            return Optional.empty();
        }
        Match local = locale == null || locale.isBlank() ? null : byLocale.get(key(locale));
        return Optional.ofNullable(local != null ? local : byLocale.get(ANY_LOCALE));
    }

    /** The CXone skill name {@code hrName} stands for in a row of {@code locale}; see {@link #matchFor}. */
    public Optional<String> skillFor(String hrName, String locale) {
        return matchFor(hrName, locale).map(Match::skill);
    }

    /** Whether some line maps {@code hrName}, for any locale: a matrix's column so named is a skill column. */
    public boolean maps(String hrName) {
        return hrName != null && byName.containsKey(key(hrName));
    }

    /** How many (HR name, locale) pairs the file maps. */
    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    private static String key(String word) {
        return word.strip().toLowerCase(Locale.ROOT);
    }
}
