package io.skillsync.run;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.skillsync.sync.Outcome;
import io.skillsync.sync.RepeatedRows;
import io.skillsync.sync.Row;

/** A run's rows in file order, whether the split read them all, and what they add up to. */
public final class RunRows {

    private final List<Row> rows = new ArrayList<>();
    private boolean allRowsRead;

    public List<Row> list() {
        return rows;
    }

    void add(Row row) {
        rows.add(row);
    }

    public int size() {
        return rows.size();
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
        int settled = 0;
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).outcome() != null) {
                settled++;
            }
        }
        return settled;
    }

    public Map<Outcome, Integer> counts() {
        Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
        for (Outcome outcome : Outcome.values()) {
            counts.put(outcome, 0);
        }
        // a row still open has no outcome to count (a run that ends early ends its open rows first)
        rows.stream().filter(row -> row.outcome() != null).forEach(row -> counts.merge(row.outcome(), 1, Integer::sum));
        return counts;
    }
}
