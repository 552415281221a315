package io.skillsync.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.skillsync.cxone.CxoneTraffic;
import io.skillsync.support.TestConfig;
import io.skillsync.sync.Assignment;
import io.skillsync.sync.AssignmentKey;
import io.skillsync.sync.Batch;
import io.skillsync.sync.Outcome;
import io.skillsync.sync.Row;
import io.skillsync.sync.Verb;

/** The planner alone, in plain JUnit: exactly ceil(n/100) writes per skill and verb, nothing for what CXone holds. */
class AssignmentPlannerTest {

    static final long TIER_1 = 112233;
    static final long RETENTION = 112235;

    @Test
    void perSkillModeWritesCeilOfNOverTheBatchSizeForEachSkillAndVerb() {
        Map<AssignmentKey, Assignment> held = new HashMap<>();
        Run run = run();
        // 250 new on Retention (POST), 120 re-levelled on Tier_1 (PUT), 30 on Tier_1 exactly as held (nothing)
        for (int n = 1; n <= 250; n++) {
            row(run, n, 1000 + n, RETENTION, 5, true);
        }
        for (int n = 1; n <= 150; n++) {
            held.put(new AssignmentKey(2000 + n, TIER_1), new Assignment(2000 + n, TIER_1, 10, true));
            row(run, 300 + n, 2000 + n, TIER_1, n <= 120 ? 1 : 10, true);
        }
        List<Batch> batches = planner("per-skill").plan(held, run);

        Map<String, List<Integer>> sizes = batches.stream().collect(Collectors.groupingBy(b -> b.verb() + " " + b.skillId(),
                Collectors.mapping(b -> b.rows().size(), Collectors.toList())));
        assertEquals(Map.of("POST " + RETENTION, List.of(100, 100, 50), "PUT " + TIER_1, List.of(100, 20)), sizes);
        assertEquals(30, run.rows().list().stream().filter(r -> r.outcome() == Outcome.UNCHANGED).count());
        assertTrue(batches.stream().flatMap(b -> b.rows().stream()).allMatch(Row::open), "planned rows wait for CXone's answer");
    }

    @Test
    void bulkModeMixesSkillsAndVerbsInBatchesOfTheBatchSize() {
        Map<AssignmentKey, Assignment> held = new HashMap<>();
        Run run = run();
        for (int n = 1; n <= 150; n++) {
            row(run, n, 1000 + n, RETENTION, 5, true);
            held.put(new AssignmentKey(2000 + n, TIER_1), new Assignment(2000 + n, TIER_1, 10, true));
            row(run, 200 + n, 2000 + n, TIER_1, 3, true);
        }
        List<Batch> batches = planner("bulk").plan(held, run);
        assertEquals(List.of(100, 100, 100), batches.stream().map(b -> b.rows().size()).toList());
        assertTrue(batches.stream().allMatch(b -> b.verb() == Verb.POST && b.skillId() == 0));
    }

    @Test
    void deactivatingWhatCxoneDoesNotHoldIsUnchangedAndCostsNothing() {
        Run run = run();
        row(run, 2, 1001, RETENTION, 5, false);
        assertEquals(List.of(), planner("per-skill").plan(Map.of(), run));
        assertEquals(Outcome.UNCHANGED, run.rows().list().get(0).outcome());
        assertEquals("not assigned in CXone, so nothing to deactivate", run.rows().list().get(0).detail());
    }

    static AssignmentPlanner planner(String mode) {
        return new AssignmentPlanner(TestConfig.of(Map.of("cxone.batchSize", 100, "cxone.writeMode",
                io.skillsync.config.CxoneSettings.WriteMode.valueOf(mode.toUpperCase(java.util.Locale.ROOT).replace('-', '_')))));
    }

    static Run run() {
        return new Run("20261128T010000Z-0001", Path.of("nightly.csv"), false, Instant.now(),
                new CxoneTraffic.Snapshot(0, 0, 0, 0, 0));
    }

    static void row(Run run, int line, long agentId, long skillId, int proficiency, boolean active) {
        Row row = new Row(line);
        row.resolvedTo(agentId, skillId);
        row.wants(proficiency, active);
        run.rows().add(row);
    }
}
