package io.skillsync.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** A skill's coverage before and after a plan, its floors as the settings spell them, and its downgrades. */
class CoverageTest {

    static final long SKILL = 7;

    private static Row planned(long agent, int from, boolean wasActive, int to, boolean active) {
        Row row = new Row(2);
        row.resolvedTo(agent, SKILL);
        row.previously(from, wasActive);
        row.wants(to, active);
        return row;
    }

    @Test
    void coverageCountsActiveAssignmentsAtTheLevelOrBetterBeforeAndAfter() {
        List<Assignment> held = List.of(new Assignment(1, SKILL, 3, true), new Assignment(2, SKILL, 5, true),
                new Assignment(3, SKILL, 6, true), new Assignment(4, SKILL, 2, false), new Assignment(5, 8, 1, true));
        List<Row> plan = List.of(planned(1, 3, true, 9, true), planned(2, 5, true, 5, false), planned(3, 6, true, 4, true),
                planned(6, Row.NONE, false, 1, true));
        assertEquals(new Coverage.Change(2, 2), Coverage.of(SKILL, 5, held, plan), "1 and 2 leave, 3 and 6 come");
        assertEquals(new Coverage.Change(3, 3), Coverage.of(SKILL, 20, held, plan));
    }

    @Test
    void aFloorIsAnAgentCountAndOptionallyALevel() {
        assertEquals(new Coverage.Floor(200, 5), Coverage.Floor.parse("200@5"));
        assertEquals(new Coverage.Floor(12, 20), Coverage.Floor.parse(" 12 "));
        assertNull(Coverage.Floor.parse("200@21"));
        assertNull(Coverage.Floor.parse("two hundred"));
        assertEquals("200 active agents at proficiency 5 or better", Coverage.Floor.parse("200@5").toString());
    }

    @Test
    void aDowngradeLowersAnActiveAssignmentByMoreThanTheLevelsAndKeepsItActive() {
        List<Row> plan = List.of(planned(1, 1, true, 20, true), planned(2, 1, true, 11, true), planned(3, 1, true, 20, false),
                planned(4, 5, false, 20, true));
        assertEquals(Map.of(SKILL, 1), Coverage.downgrades(plan, 10), "1 -> 20 only: 1 -> 11 is 10 levels, the others are"
                + " a deactivation and a re-activation");
    }
}
