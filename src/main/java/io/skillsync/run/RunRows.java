package io.skillsync.run;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.skillsync.sync.Outcome;
import io.skillsync.sync.OutcomeCounts;
import io.skillsync.sync.RepeatedRows;
import io.skillsync.sync.Row;

/**
 * A run's rows in file order, whether the split read them all, and what they add up to. The rows are the
 * run's own thread's; other threads (the metrics' scrape, the console) read {@link #size()},
 * {@link #settled()} and {@link #counts()}, which are counters kept as rows are added and end.
 */
public final class RunRows {

    private final List<Row> rows = new ArrayList<>();
    private final List<Row> view = Collections.unmodifiableList(rows);
    private final AtomicInteger size = new AtomicInteger();
    private final OutcomeCounts counts = new OutcomeCounts();
    private volatile boolean allRowsRead;

    /** The rows, read-only: they are added through {@link #add} alone. */
    public List<Row> list() {
        return view;
    }

    /** The one way a row joins the run (the split's record, a stopped run's unread rest): counted from now on. */
    void add(Row row) {
        row.countedIn(counts);
        rows.add(row);
        size.incrementAndGet();
    }

    public int size() {
        return size.get();
    }

    /** Whether the split reached the end of the file (a run can stop while rows are still being resolved). */
    public boolean allRead() {
        return allRowsRead;
    }

    void allRead(boolean read) {
        this.allRowsRead = read;
    }

    /** Rows still waiting for an outcome: valid, resolved, not repeats. */
    List<Row> open() {
        return rows.stream().filter(Row::open).toList();
    }

    List<List<Row>> repeats() {
        return RepeatedRows.in(rows);
    }

    /** Rows that have their outcome (for the progress gauge and log). */
    public int settled() {
        return counts.settled();
    }

    /** Every outcome with its count, 0 included; a row still open has none to count. */
    public Map<Outcome, Integer> counts() {
        return counts.asMap();
    }
}
