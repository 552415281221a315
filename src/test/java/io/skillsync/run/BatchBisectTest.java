package io.skillsync.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.node.MissingNode;
import org.junit.jupiter.api.Test;

import io.skillsync.cxone.CxoneResponse;
import io.skillsync.cxone.CxoneTraffic;
import io.skillsync.sync.Batch;
import io.skillsync.sync.Outcome;
import io.skillsync.sync.Row;
import io.skillsync.sync.Verb;

/** Splitting a batch CXone refused whole, alone, in plain JUnit: halves, the shared budget, "refused alike" stops it. */
class BatchBisectTest {

    static final long TIER_1 = 112233;

    @Test
    void aRefusedBatchGoesAgainAsTwoHalvesThatShareTheReasonAndTheBudget() {
        Run run = run();
        Batch batch = batch(run, 4);
        List<Batch> halves = new BatchBisect(40).refusedAsWhole(batch, refused("bad agent"), run);
        assertEquals(List.of(2, 2), halves.stream().map(b -> b.rows().size()).toList());
        assertEquals(List.of(false, true), halves.stream().map(Batch::second).toList());
        assertEquals(": bad agent", halves.get(0).halves().reason());
        assertEquals(38, halves.get(0).halves().budget()[0], "two requests spent of the batch's 40");
        assertTrue(batch.rows().stream().allMatch(Row::open), "nothing settled yet: the halves will tell");
    }

    @Test
    void bothHalvesRefusedAlikeMeanTheRequestIsTheCauseAndNoBatchOfTheRunIsSplitForIt() {
        Run run = run();
        BatchBisect bisect = new BatchBisect(40);
        List<Batch> halves = bisect.refusedAsWhole(batch(run, 4), refused("bad shape"), run);
        assertEquals(List.of(), bisect.refusedAsWhole(halves.get(0), refused("bad shape"), run), "the first half waits");
        assertEquals(List.of(), bisect.refusedAsWhole(halves.get(1), refused("bad shape"), run));
        halves.forEach(half -> half.rows().forEach(row -> {
            assertEquals(Outcome.FAILED, row.outcome());
            assertTrue(row.detail().contains("both halves of the request alike"), row.detail());
        }));

        Batch later = batch(run, 2);
        assertEquals(List.of(), bisect.refusedAsWhole(later, refused("bad shape"), run));
        assertTrue(later.rows().stream().allMatch(row -> row.outcome() == Outcome.FAILED
                && row.detail().contains("refused whole requests before in this run: not split")));
    }

    @Test
    void aSpentBudgetOrALoneRowFailsInsteadOfSplitting() {
        Run run = run();
        BatchBisect bisect = new BatchBisect(2);
        List<Batch> halves = bisect.refusedAsWhole(batch(run, 4), refused("bad agent"), run);
        // the second half is refused for another reason: an item, so it would split, but the budget is spent
        assertEquals(List.of(), bisect.refusedAsWhole(halves.get(1), refused("another"), run));
        assertTrue(halves.get(1).rows().stream().allMatch(row -> row.outcome() == Outcome.FAILED
                && row.detail().contains("the 2 requests skillsync.cxone.split.max-requests allows for one batch are spent")));

        Batch lone = batch(run, 1);
        assertEquals(List.of(), bisect.refusedAsWhole(lone, refused("bad agent"), run));
        assertEquals(Outcome.FAILED, lone.rows().get(0).outcome());
        assertEquals("CXone refused the request (HTTP 400: bad agent)", lone.rows().get(0).detail());
    }

    static CxoneResponse refused(String description) {
        return new CxoneResponse(400, MissingNode.getInstance(), "req-1", null, description, null);
    }

    static Batch batch(Run run, int size) {
        List<Row> rows = new ArrayList<>();
        for (int n = 0; n < size; n++) {
            Row row = new Row(run.rows().size() + 2);
            row.resolvedTo(1000 + run.rows().size(), TIER_1);
            row.wants(5, true);
            run.rows().add(row);
            rows.add(row);
        }
        return new Batch(run.batches().nextNumber(), Verb.PUT, Batch.Scope.skill(TIER_1), rows);
    }

    static Run run() {
        return new Run("20261128T010000Z-0001", Path.of("nightly.csv"), false, Instant.now(),
                new CxoneTraffic.Snapshot(0, 0, 0, 0, 0));
    }
}
