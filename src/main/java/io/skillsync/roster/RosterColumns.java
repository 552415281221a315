package io.skillsync.roster;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where each known column of roster-format.md sits in a file's header. Header names match ignoring
 * case, surrounding white space and the characters space, underscore and hyphen. The header alone tells
 * the layout (roster-format.md, "Layouts"): with a skill or skillId column the file is long (a row per agent
 * and skill); with an agent column and neither, it is a matrix (a row per agent, a column per skill), whose
 * other columns are skills or ignored as the run decides ({@link #withSkillColumns}).
 */
public final class RosterColumns {

    public static final String EMAIL = "email";
    public static final String AGENT_ID = "agentId";
    public static final String SKILL = "skill";
    public static final String SKILL_ID = "skillId";
    public static final String PROFICIENCY = "proficiency";
    public static final String ACTIVE = "active";
    /** A row's locale, for a mapping line that holds for one locale only (mappings/skills.csv). */
    public static final String LOCALE = "locale";
    /** When the row takes effect, and until when (roster-format.md, "Effective dates"). */
    public static final String EFFECTIVE = "effective";
    public static final String UNTIL = "until";
    /** Written by SkillSync into error files; ignored on input so an error file reruns as it is. */
    public static final String ERROR = "error";

    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("email", EMAIL), Map.entry("emailaddress", EMAIL), Map.entry("agentemail", EMAIL),
            Map.entry("username", EMAIL),
            Map.entry("agentid", AGENT_ID), Map.entry("agent", AGENT_ID),
            Map.entry("skill", SKILL), Map.entry("skillname", SKILL),
            Map.entry("skillid", SKILL_ID),
            Map.entry("proficiency", PROFICIENCY), Map.entry("level", PROFICIENCY),
            Map.entry("proficiencylevel", PROFICIENCY),
            Map.entry("active", ACTIVE), Map.entry("isactive", ACTIVE), Map.entry("status", ACTIVE),
            Map.entry("locale", LOCALE), Map.entry("language", LOCALE),
            Map.entry("effective", EFFECTIVE), Map.entry("effectivedate", EFFECTIVE), Map.entry("startdate", EFFECTIVE),
            Map.entry("from", EFFECTIVE),
            Map.entry("until", UNTIL), Map.entry("effectiveto", UNTIL), Map.entry("enddate", UNTIL),
            Map.entry("error", ERROR));

    private final List<String> header;
    private final int email, agentId, skill, skillId, proficiency, active, error, locale, effective, until;
    private final boolean matrix;
    /** A matrix's skill columns: the column's index -> the CXone skill it names (empty until the run decides). */
    private final Map<Integer, String> skillColumns;

    private RosterColumns(List<String> header, int[] idx, boolean matrix, Map<Integer, String> skillColumns) {
        this.header = header;
        this.matrix = matrix;
        this.skillColumns = skillColumns;
        this.email = idx[0];
        this.agentId = idx[1];
        this.skill = idx[2];
        this.skillId = idx[3];
        this.proficiency = idx[4];
        this.active = idx[5];
        this.error = idx[6];
        this.locale = idx[7];
        this.effective = idx[8];
        this.until = idx[9];
    }

    /**
     * Maps a header line to the known columns.
     *
     * @throws UnreadableRosterException when a column appears twice or a required one is missing
     */
    public static RosterColumns of(List<String> header) {
        List<String> known = List.of(EMAIL, AGENT_ID, SKILL, SKILL_ID, PROFICIENCY, ACTIVE, ERROR, LOCALE, EFFECTIVE, UNTIL);
        int[] idx = { -1, -1, -1, -1, -1, -1, -1, -1, -1, -1 };
        for (int i = 0; i < header.size(); i++) {
            String column = ALIASES.get(normalise(header.get(i)));
            if (column == null) {
                continue;
            }
            int k = known.indexOf(column);
            if (idx[k] >= 0) {
                throw new UnreadableRosterException("the header names column '" + column + "' twice (columns "
                        + (idx[k] + 1) + " '" + header.get(idx[k]) + "' and " + (i + 1) + " '" + header.get(i) + "')");
            }
            idx[k] = i;
        }
        List<String> missing = new ArrayList<>();
        if (idx[0] < 0 && idx[1] < 0) {
            missing.add("email or agentId");
        } else if (idx[2] < 0 && idx[3] < 0) {
            // an agent column and no skill column: a matrix, whose proficiency and status-like headers are
            // candidates like any other (an HR "Status" column is not the assignment's)
            idx[4] = -1;
            idx[5] = -1;
            return new RosterColumns(List.copyOf(header), idx, true, Map.of());
        }
        if (idx[2] < 0 && idx[3] < 0) {
            missing.add("skill or skillId");
        }
        if (idx[4] < 0) {
            missing.add("proficiency");
        }
        if (!missing.isEmpty()) {
            throw new UnreadableRosterException("the header " + header + " lacks the column(s) " + String.join(", ", missing)
                    + "; expected e.g. email,skill,proficiency,active");
        }
        return new RosterColumns(List.copyOf(header), idx, false, Map.of());
    }

    /** A matrix with the columns the run found to be skills (index -> the CXone skill name). */
    public RosterColumns withSkillColumns(Map<Integer, String> skills) {
        int[] idx = { email, agentId, skill, skillId, proficiency, active, error, locale, effective, until };
        return new RosterColumns(header, idx, matrix, Collections.unmodifiableMap(new TreeMap<>(skills)));
    }

    public boolean matrix() {
        return matrix;
    }

    /** The columns no roster column names: in a matrix, the candidates for skill columns; in a long file, ignored. */
    public List<Integer> others() {
        List<Integer> others = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            if (i != email && i != agentId && i != skill && i != skillId && i != proficiency && i != active && i != error
                    && i != locale && i != effective && i != until) {
                others.add(i);
            }
        }
        return others;
    }

    /** The columns neither read as a roster column nor, in a matrix, as a skill: the summary lists them. */
    public List<String> ignored() {
        return others().stream().filter(i -> !skillColumns.containsKey(i)).map(header::get).toList();
    }

    /** A matrix's skill columns in the file's order: index -> CXone skill name. */
    public Map<Integer, String> skillColumns() {
        return skillColumns;
    }

    static String normalise(String name) {
        return name.strip().replace(" ", "").replace("_", "").replace("-", "").toLowerCase(Locale.ROOT);
    }

    public List<String> header() {
        return header;
    }

    public int email() {
        return email;
    }

    public int agentId() {
        return agentId;
    }

    public int skill() {
        return skill;
    }

    public int skillId() {
        return skillId;
    }

    public int proficiency() {
        return proficiency;
    }

    public int active() {
        return active;
    }

    /** Index of the column saying when the row takes effect, or -1. */
    public int effective() {
        return effective;
    }

    /** Index of the column saying when a temporary change ends, or -1. */
    public int until() {
        return until;
    }

    /** Index of the row's locale column, or -1. */
    public int locale() {
        return locale;
    }

    /** Index of an {@code error} column left by an earlier run's error file, or -1. */
    public int error() {
        return error;
    }
}
