package io.skillsync.run;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.skillsync.sync.Batch;
import io.skillsync.sync.Row;

/** The batches a run writes: its plan, numbers for those it adds while writing, and when not to split one. */
public final class RunBatches {

    private List<Batch> batches = List.of();
    private int lastBatchNumber;
    /** Reasons CXone gave for refusing whole requests (both halves of a split alike): not split again this run. */
    private final Set<String> wholeRequestRefusals = new HashSet<>();

    public List<Batch> planned() {
        return batches;
    }

    void plan(List<Batch> batches) {
        this.batches = List.copyOf(batches);
        this.lastBatchNumber = batches.size();
    }

    /** A number for a batch the run adds while writing (half of a refused batch, a verb retried). */
    int nextNumber() {
        return ++lastBatchNumber;
    }

    /** Write requests the run sent or planned, follow-ups included. */
    public int count() {
        return lastBatchNumber;
    }

    /** Rows the plan would write. */
    List<Row> plannedRows() {
        return batches.stream().flatMap(b -> b.rows().stream()).toList();
    }

    /** CXone refused a request as a whole for {@code reason}, whatever its items: later batches are not split for it. */
    void refusedAsWhole(String reason) {
        wholeRequestRefusals.add(reason);
    }

    boolean refusesAsWhole(String reason) {
        return wholeRequestRefusals.contains(reason);
    }
}
