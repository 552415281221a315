package io.skillsync.sync;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The tenant's skill names nearest an unknown one, for the rejection to suggest (never to apply: a guess
 * may be wrong, and a wrong skill assigned is worse than a row rejected). Nearest first: names equal once
 * case, spaces, {@code _} and {@code -} are ignored; then those one typing slip away, then two (an edit, or
 * two neighbours swapped: Damerau-Levenshtein, optimal string alignment, on those forms). Short names allow
 * one slip only, since two would make almost any short name near. Ties go by name.
 */
public final class SkillHints {

    /** A suggestion longer than this stops helping. */
    static final int MOST = 3;

    /** Names of this many characters or fewer (once normalised) are allowed one slip, longer ones two. */
    static final int SHORT = 4;

    /** Answers kept per instance: a roster repeats its unknown names row after row; a hostile one is bounded. */
    private static final int REMEMBERED = 10_000;

    private static final Comparator<Near> NEAREST = Comparator.comparingInt(Near::distance)
            .thenComparing(Near::name, String.CASE_INSENSITIVE_ORDER)
            .thenComparing(Near::name);

    private record Near(String name, int distance) {
    }

    private final List<String> names = new ArrayList<>();
    private final List<char[]> normalised = new ArrayList<>();
    private final Map<String, List<String>> answers = new ConcurrentHashMap<>();

    private SkillHints(Collection<String> tenantSkillNames) {
        for (String name : new LinkedHashSet<>(tenantSkillNames)) {
            if (name != null) {
                names.add(name);
                normalised.add(normalise(name).toCharArray());
            }
        }
    }

    /** Hints among {@code tenantSkillNames}, normalised once: for a run that asks about many unknown names. */
    public static SkillHints among(Collection<String> tenantSkillNames) {
        return new SkillHints(tenantSkillNames);
    }

    /** Up to three of {@code tenantSkillNames} nearest {@code name}, best first; none when none is near. */
    public static List<String> nearest(String name, Collection<String> tenantSkillNames) {
        return among(tenantSkillNames).nearest(name);
    }

    /** Up to three of the tenant's names nearest {@code name}, best first; none when none is near. */
    public List<String> nearest(String name) {
        String wanted = name == null ? "" : normalise(name);
        if (wanted.isEmpty()) {
            return List.of();
        }
        List<String> known = answers.get(wanted);
        if (known != null) {
            return known;
        }
        List<String> found = search(wanted.toCharArray());
        if (answers.size() < REMEMBERED) {
            answers.put(wanted, found);
        }
        return found;
    }

    private List<String> search(char[] wanted) {
        List<Near> near = new ArrayList<>();
        // one set of rows for every candidate: a search allocates nothing per name
        int[][] rows = new int[3][wanted.length + 3];
        for (int i = 0; i < names.size(); i++) {
            char[] candidate = normalised.get(i);
            int most = Math.min(wanted.length, candidate.length) <= SHORT ? 1 : 2;
            // names too different in length cannot be near: skipping them keeps 2,000 names cheap
            if (Math.abs(wanted.length - candidate.length) > most) {
                continue;
            }
            int distance = distance(candidate, wanted, most, rows);
            if (distance <= most) {
                near.add(new Near(names.get(i), distance));
            }
        }
        return near.stream().sorted(NEAREST).limit(MOST).map(Near::name).toList();
    }

    /** The suggestion to append to a rejection: " (did you mean 'A', 'B' or 'C'?)", or "" for no names. */
    public static String hint(List<String> names) {
        if (names == null || names.isEmpty()) {
            return "";
        }
        List<String> quoted = names.stream().map(name -> "'" + name + "'").toList();
        String last = quoted.get(quoted.size() - 1);
        String list = quoted.size() == 1 ? last : String.join(", ", quoted.subList(0, quoted.size() - 1)) + " or " + last;
        return " (did you mean " + list + "?)";
    }

    /** Lower case, without white space, {@code _} or {@code -}: "Tier 1 Support" and "tier_1-support" agree. */
    static String normalise(String name) {
        StringBuilder kept = new StringBuilder(name.length());
        name.toLowerCase(Locale.ROOT).codePoints()
                .filter(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c) && c != '_' && c != '-')
                .forEach(kept::appendCodePoint);
        return kept.toString();
    }

    /** The optimal-string-alignment distance between {@code a} and {@code b}, or {@code most + 1} when over it. */
    static int distance(String a, String b, int most) {
        return distance(a.toCharArray(), b.toCharArray(), most, new int[3][b.length() + 1]);
    }

    /**
     * The distance as above, in {@code rows} (three of at least {@code b.length + 1}; what they hold is
     * overwritten). Only the cells within {@code most} of the table's diagonal are worked out (no path
     * through another stays within {@code most}), and it stops at the first row with every cell over it: a
     * candidate costs a few cells a character, not the whole table.
     */
    private static int distance(char[] a, char[] b, int most, int[][] rows) {
        int n = b.length;
        int over = most + 1;
        if (Math.abs(a.length - n) > most) {
            // the lengths alone take more edits than that (and the last cell lies outside the band)
            return over;
        }
        int[] before = rows[0];
        int[] previous = rows[1];
        int[] current = rows[2];
        // the first row, as far as the band and its neighbour reach; the rows only ever read there
        for (int j = 0; j <= Math.min(n, over); j++) {
            previous[j] = Math.min(j, over);
        }
        for (int i = 1; i <= a.length; i++) {
            int from = Math.max(1, i - most);
            int to = Math.min(n, i + most);
            // the cells beside the band are read by this row and the next: they count as over
            current[from - 1] = from == 1 ? Math.min(i, over) : over;
            if (to < n) {
                current[to + 1] = over;
            }
            int best = current[from - 1];
            for (int j = from; j <= to; j++) {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                int d = Math.min(Math.min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
                    d = Math.min(d, before[j - 2] + 1);
                }
                current[j] = Math.min(d, over);
                best = Math.min(best, current[j]);
            }
            // a row's least value never falls in the rows below (a swap looks back two rows, but costs one more)
            if (best > most) {
                return over;
            }
            int[] spare = before;
            before = previous;
            previous = current;
            current = spare;
        }
        return previous[n];
    }
}
