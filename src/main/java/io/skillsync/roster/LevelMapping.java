package io.skillsync.roster;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HR's levels (mappings/levels.csv, columns {@code hr,proficiency}) and the CXone proficiency 1..20, or
 * {@code off}, each stands for. A level is a word ({@code expert}, matched ignoring case) or a range of
 * numbers {@code a..b}, both bounds included (a 0-100 score: {@code 90..100,1}); a single number is the
 * range of that number alone. A mapped value wins over its reading as a proficiency: with a {@code 0..100}
 * range, {@code 5} is a score, not proficiency 5.
 */
public final class LevelMapping {

    /** The file's header names, normalised as {@link MappingFile#normalise} does; both are required. */
    static final List<String> COLUMNS = List.of("hr", "proficiency");

    /** No file: every level is read as a proficiency. */
    public static final LevelMapping EMPTY = new LevelMapping(Map.of(), new TreeMap<>());

    /** Past this many, {@link #described()} counts the rest rather than listing a whole file in one message. */
    private static final int MOST_LISTED = 12;

    private static final String NUMBER = "-?\\d+(?:\\.\\d+)?";
    private static final Pattern A_NUMBER = Pattern.compile(NUMBER);
    private static final Pattern RANGE = Pattern.compile("(" + NUMBER + ")\\s*\\.\\.\\s*(" + NUMBER + ")");
    /** 90-100 is how many people write a range; taken as a word it would match nothing. */
    private static final Pattern DASHED = Pattern.compile("(" + NUMBER + ")\\s*[-\u2013]\\s*(" + NUMBER + ")");

    /** A proficiency (null: off, the skill is set inactive) and the file's line that maps to it. */
    public record Level(Integer proficiency, int line) {
        public boolean off() {
            return proficiency == null;
        }
    }

    private record Range(BigDecimal from, BigDecimal to, Level level) {
        String text() {
            return from.compareTo(to) == 0 ? from.toPlainString() : from.toPlainString() + ".." + to.toPlainString();
        }
    }

    /** Word (lower case) -> level, in file order; and the ranges by their lower bound (they never overlap). */
    private final Map<String, Level> words;
    private final TreeMap<BigDecimal, Range> ranges;
    private final List<String> spelt = new ArrayList<>();

    private LevelMapping(Map<String, Level> words, TreeMap<BigDecimal, Range> ranges) {
        this.words = words;
        this.ranges = ranges;
    }

    /**
     * The mapping the file's lines state; {@code name} is how messages name the file.
     *
     * @throws MappingException at the first line that cannot be part of a mapping
     */
    static LevelMapping of(List<MappingFile.Line> lines, String name) {
        LevelMapping mapping = new LevelMapping(new LinkedHashMap<>(), new TreeMap<>());
        for (MappingFile.Line line : lines) {
            String at = name + " line " + line.number() + ": ";
            String hr = line.cell(0);
            if (hr.isEmpty()) {
                throw new MappingException(at + "the hr cell is blank (each line maps an HR level to a proficiency)");
            }
            Level level = new Level(proficiency(line.cell(1), hr, at), line.number());
            Matcher range = RANGE.matcher(hr);
            if (range.matches() || A_NUMBER.matcher(hr).matches()) {
                BigDecimal from = new BigDecimal(range.matches() ? range.group(1) : hr);
                BigDecimal to = range.matches() ? new BigDecimal(range.group(2)) : from;
                mapping.addRange(new Range(from, to, level), hr, at);
            } else if (hr.contains("..")) {
                throw new MappingException(at + "'" + hr + "' is not a range of numbers a..b (e.g. 90..100)");
            } else if (DASHED.matcher(hr).matches()) {
                throw new MappingException(at + "write the range '" + hr + "' as a..b (e.g. 90..100)");
            } else {
                Level before = mapping.words.putIfAbsent(hr.toLowerCase(Locale.ROOT), level);
                if (before != null) {
                    throw new MappingException(at + "the level '" + hr + "' is mapped already on line " + before.line());
                }
                mapping.spelt.add(hr);
            }
        }
        return mapping.isEmpty() ? EMPTY : mapping;
    }

    private static Integer proficiency(String cell, String hr, String at) {
        if (cell.isEmpty()) {
            throw new MappingException(at + "no proficiency for '" + hr + "' (a number 1..20 or 'off')");
        }
        if (cell.equalsIgnoreCase("off")) {
            return null;
        }
        if (!cell.matches("\\d{1,9}")) {
            throw new MappingException(at + "the proficiency '" + cell + "' is not a number 1..20 nor 'off'");
        }
        int proficiency = Integer.parseInt(cell);
        if (proficiency < 1 || proficiency > 20) {
            throw new MappingException(at + "the proficiency '" + cell + "' is outside 1..20 (or 'off')");
        }
        return proficiency;
    }

    private void addRange(Range range, String hr, String at) {
        if (range.from().compareTo(range.to()) > 0) {
            throw new MappingException(at + "the range " + hr + " runs backwards (write the smaller bound first: "
                    + range.to().toPlainString() + ".." + range.from().toPlainString() + ")");
        }
        // the ranges held never overlap, so a new one can only overlap its neighbours below and above
        var below = ranges.floorEntry(range.from());
        var above = ranges.ceilingEntry(range.from());
        for (Range other : new Range[] { below == null ? null : below.getValue(), above == null ? null : above.getValue() }) {
            if (other != null && other.from().compareTo(range.to()) <= 0 && range.from().compareTo(other.to()) <= 0) {
                throw new MappingException(at + "the range " + range.text() + " overlaps " + other.text() + " on line "
                        + other.level().line() + " (bounds are included in a range)");
            }
        }
        ranges.put(range.from(), range);
    }

    /**
     * The level a roster cell maps to: its word ignoring case, else the range holding its number (decimals
     * allowed, e.g. 92.5); empty when the cell maps to nothing and is to be read as a proficiency.
     */
    public Optional<Level> levelFor(String cell) {
        if (cell == null || cell.isBlank()) {
            return Optional.empty();
        }
        String value = cell.strip();
        Level word = words.get(value.toLowerCase(Locale.ROOT));
        if (word != null || ranges.isEmpty() || !A_NUMBER.matcher(value).matches()) {
            return Optional.ofNullable(word);
        }
        BigDecimal number = new BigDecimal(value);
        var below = ranges.floorEntry(number);
        return below != null && number.compareTo(below.getValue().to()) <= 0
                ? Optional.of(below.getValue().level())
                : Optional.empty();
    }

    /**
     * The mapped words as written, then the ranges from the lowest, for a rejection's message:
     * "expert, intermediate, novice, 0..100"; "" with no file.
     */
    public String described() {
        List<String> all = new ArrayList<>(spelt);
        ranges.values().forEach(range -> all.add(range.text()));
        if (all.size() <= MOST_LISTED) {
            return String.join(", ", all);
        }
        return String.join(", ", all.subList(0, MOST_LISTED)) + " and " + (all.size() - MOST_LISTED) + " more";
    }

    /** Whether the file maps numbers: then a number in a roster is a score first, a proficiency only if unmapped. */
    public boolean mapsNumbers() {
        return !ranges.isEmpty();
    }

    public boolean isEmpty() {
        return words.isEmpty() && ranges.isEmpty();
    }
}
