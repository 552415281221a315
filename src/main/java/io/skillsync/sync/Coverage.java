package io.skillsync.sync;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How many agents a skill can route to, before a plan and after it: active assignments at a proficiency as good as
 * a level or better (CXone's 1 is the best, 20 the least). The guard's staffing floors and its limit on downgrades
 * are weighed with it. Pure arithmetic over what CXone holds and the rows a plan would write.
 */
public final class Coverage {

    private static final Pattern FLOOR = Pattern.compile("\\s*(\\d{1,9})\\s*(?:@\\s*(\\d{1,2}))?\\s*");

    private Coverage() {
    }

    /**
     * A skill's floor: at least {@code agents} active agents at proficiency {@code level} or better (20: any level).
     */
    public record Floor(int agents, int level) {

        /** {@code 200} or {@code 200@5}; null when it is neither. */
        public static Floor parse(String text) {
            Matcher m = FLOOR.matcher(text);
            if (!m.matches()) {
                return null;
            }
            int level = m.group(2) == null ? 20 : Integer.parseInt(m.group(2));
            return level < 1 || level > 20 ? null : new Floor(Integer.parseInt(m.group(1)), level);
        }

        @Override
        public String toString() {
            return level == 20 ? agents + " active agents" : agents + " active agents at proficiency " + level + " or better";
        }
    }

    /** A skill's agents at a level or better, before and after the plan. */
    public record Change(int before, int after) {
    }

    /**
     * The skill's agents at {@code level} or better before and after {@code planned} is written.
     *
     * @param held what CXone holds of the skill, whole
     */
    public static Change of(long skillId, int level, Collection<Assignment> held, List<Row> planned) {
        Map<AssignmentKey, Boolean> covered = new HashMap<>();
        for (Assignment a : held) {
            if (a.skillId() == skillId) {
                covered.put(a.key(), a.active() && a.proficiency() >= 1 && a.proficiency() <= level);
            }
        }
        int before = (int) covered.values().stream().filter(Boolean::booleanValue).count();
        for (Row row : planned) {
            if (row.skillId() == skillId) {
                int proficiency = row.targetProficiency();
                covered.put(new AssignmentKey(row.agentId(), skillId),
                        row.active() && proficiency >= 1 && proficiency <= level);
            }
        }
        int after = (int) covered.values().stream().filter(Boolean::booleanValue).count();
        return new Change(before, after);
    }

    /** Rows that lower an active assignment's proficiency by more than {@code levels} and keep it active. */
    public static Map<Long, Integer> downgrades(List<Row> planned, int levels) {
        Map<Long, Integer> bySkill = new HashMap<>();
        for (Row row : planned) {
            if (row.previousActive() == 1 && row.active() && row.previousProficiency() != Row.NONE
                    && row.targetProficiency() - row.previousProficiency() > levels) {
                bySkill.merge(row.skillId(), 1, Integer::sum);
            }
        }
        return bySkill;
    }
}
