package io.skillsync.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The pure plan: what CXone holds costs nothing, a dry run plans every change, an interrupted run's write is named. */
class BatchPlanTest {

    static final long TIER_1 = 112233;
    static final BatchPlan PER_SKILL = new BatchPlan(100, null);

    @Test
    void aRowCxoneAlreadyHoldsEndsUnchangedAndNamesTheInterruptedRunThatSentIt() {
        Row held = row(2, 1001, TIER_1, 5, true);
        Row changed = row(3, 1002, TIER_1, 1, true);
        Map<AssignmentKey, Assignment> cxone = Map.of(
                new AssignmentKey(1001, TIER_1), new Assignment(1001, TIER_1, 5, true),
                new AssignmentKey(1002, TIER_1), new Assignment(1002, TIER_1, 10, true));

        List<Batch> batches = PER_SKILL.plan(List.of(held, changed), cxone,
                Map.of(new AssignmentKey(1001, TIER_1), "20261128T010000Z-0001"), false);

        assertEquals(Outcome.UNCHANGED, held.outcome());
        assertTrue(held.detail().endsWith("(sent by run 20261128T010000Z-0001, which was interrupted)"), held.detail());
        assertEquals(1, batches.size());
        assertEquals(Verb.PUT, batches.get(0).verb());
        assertEquals(List.of(changed), batches.get(0).rows());
        assertTrue(changed.open(), "a planned write waits for CXone's answer");
        assertEquals(10, changed.previousProficiency());
    }

    @Test
    void aDryRunPlansEveryChangeAndEndsItPlanned() {
        Row fresh = row(2, 1001, TIER_1, 5, true);
        List<Batch> batches = PER_SKILL.plan(List.of(fresh), Map.of(), Map.of(), true);
        assertEquals(Outcome.PLANNED, fresh.outcome());
        assertEquals(Verb.POST, batches.get(0).verb());
        assertEquals(TIER_1, batches.get(0).skillId());
    }

    @Test
    void bulkBatchesCarryTheDialectsVerbAndNoSkill() {
        List<Batch> batches = new BatchPlan(2, Verb.PUT).plan(List.of(row(2, 1, 7, 5, true), row(3, 2, 8, 5, true),
                row(4, 3, 9, 5, true)), Map.of(), Map.of(), false);
        assertEquals(List.of(2, 1), batches.stream().map(b -> b.rows().size()).toList());
        assertTrue(batches.stream().allMatch(b -> b.bulk() && b.verb() == Verb.PUT));
    }

    @Test
    void anAssignmentGrantsARowOnlyWithTheSameProficiencyAndTheSameActiveFlag() {
        Row row = row(2, 1001, TIER_1, 5, true);
        assertTrue(new Assignment(1001, TIER_1, 5, true).grants(row));
        assertFalse(new Assignment(1001, TIER_1, 4, true).grants(row));
        assertFalse(new Assignment(1001, TIER_1, 5, false).grants(row));
        assertNull(BatchPlan.verb(row, new Assignment(1001, TIER_1, 5, true)));
        assertEquals(Verb.PUT, BatchPlan.verb(row(3, 1001, TIER_1, 5, true), new Assignment(1001, TIER_1, 5, false)));
    }

    static Row row(int line, long agentId, long skillId, int proficiency, boolean active) {
        Row row = new Row(line);
        row.resolvedTo(agentId, skillId);
        row.wants(proficiency, active);
        return row;
    }
}
