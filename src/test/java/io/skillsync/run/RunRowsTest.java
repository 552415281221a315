package io.skillsync.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.skillsync.sync.Outcome;
import io.skillsync.sync.Row;

/** The counts other threads read (metrics, console) follow the rows as they are added and end, without the rows. */
class RunRowsTest {

    @Test
    void theCountsFollowEachOutcomeAsItIsSet() {
        RunRows rows = new Run("r1", Path.of("nightly.csv"), false, Instant.now(), null).rows();
        Row rejected = new Row(2);
        rejected.end(Outcome.REJECTED, "line 2: no e-mail");
        rows.add(rejected);
        Row written = new Row(3);
        rows.add(written);
        Row bulk = new Row(4);
        rows.add(bulk);
        assertEquals(3, rows.size());
        assertEquals(1, rows.settled(), "a row ended before the run took it is counted when it is added");

        written.end(Outcome.APPLIED, null);
        bulk.unconfirmed("sent in a bulk write");
        assertEquals(3, rows.settled());
        assertEquals(1, rows.counts().get(Outcome.APPLIED));
        assertEquals(1, rows.counts().get(Outcome.FAILED));

        // read-back: the bulk row is held after all, the written one is not
        bulk.confirmed();
        written.notKept("accepted but not kept");
        assertEquals(1, rows.counts().get(Outcome.APPLIED));
        assertEquals(1, rows.counts().get(Outcome.FAILED));
        assertEquals(1, rows.counts().get(Outcome.REJECTED));
        assertEquals(0, rows.counts().get(Outcome.PLANNED), "every outcome is there, 0 included");
        assertEquals(3, rows.settled());
    }

    @Test
    void theRowsAreReadOnlyOutsideAdd() {
        RunRows rows = new Run("r1", Path.of("nightly.csv"), false, Instant.now(), null).rows();
        Row row = new Row(2);
        rows.add(row);
        assertThrows(UnsupportedOperationException.class, () -> rows.list().add(new Row(3)));
        assertThrows(IllegalStateException.class, () -> new Run("r2", Path.of("other.csv"), false, Instant.now(), null)
                .rows().add(row), "a row belongs to one run");
        assertEquals(1, rows.list().size());
    }
}
