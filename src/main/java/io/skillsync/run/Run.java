package io.skillsync.run;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.skillsync.cxone.CxoneTraffic;

/**
 * One roster file processed once: its rows with their outcomes, the batches it writes, and what it cost.
 * Lives in the exchange property {@code run} on the file's own thread, from pick-up until the file moves.
 */
public final class Run {

    private final String id;
    private final Path file;
    private final boolean dryRun;
    private final Instant started;
    private final CxoneTraffic.Snapshot trafficAtStart;
    private final List<Row> rows = new ArrayList<>();
    /** First row of each (agent, skill), to find repeated rows. */
    private final Map<AssignmentKey, Row> firstRowOf = new HashMap<>();
    /** Later rows for the same (agent, skill), by the first row. */
    private final Map<Row, List<Row>> repeats = new HashMap<>();
    private List<Batch> batches = List.of();
    private int lastBatchNumber;
    private String stopped;
    private boolean allRowsRead;

    public Run(String id, Path file, boolean dryRun, Instant started, CxoneTraffic.Snapshot trafficAtStart) {
        this.id = id;
        this.file = file;
        this.dryRun = dryRun;
        this.started = started;
        this.trafficAtStart = trafficAtStart;
    }

    public String id() {
        return id;
    }

    public Path file() {
        return file;
    }

    public String fileName() {
        return file.getFileName().toString();
    }

    public boolean dryRun() {
        return dryRun;
    }

    public Instant started() {
        return started;
    }

    public CxoneTraffic.Snapshot trafficAtStart() {
        return trafficAtStart;
    }

    public List<Row> rows() {
        return rows;
    }

    public void add(Row row) {
        rows.add(row);
        if (row.open()) {
            Row first = firstRowOf.putIfAbsent(new AssignmentKey(row.agentId(), row.skillId()), row);
            if (first != null) {
                repeats.computeIfAbsent(first, f -> new ArrayList<>()).add(row);
            }
        }
    }

    /** Whether the split reached the end of the file (a run can stop while rows are still being resolved). */
    public boolean allRowsRead() {
        return allRowsRead;
    }

    public void allRowsRead(boolean read) {
        this.allRowsRead = read;
    }

    /** Each group of rows for one (agent, skill) beyond its first row. */
    public Map<Row, List<Row>> repeats() {
        return repeats;
    }

    /** Rows still waiting for an outcome: valid, resolved, not repeats. */
    public List<Row> openRows() {
        return rows.stream().filter(Row::open).toList();
    }

    public List<Batch> batches() {
        return batches;
    }

    public void plan(List<Batch> batches) {
        this.batches = List.copyOf(batches);
        this.lastBatchNumber = batches.size();
    }

    /** A number for a batch the run adds while writing (half of a refused batch, a verb retried). */
    public int nextBatchNumber() {
        return ++lastBatchNumber;
    }

    /** Write requests the run sent or planned, follow-ups included. */
    public int batchCount() {
        return lastBatchNumber;
    }

    /** Why the run stopped before every batch was written, or null. */
    public String stopped() {
        return stopped;
    }

    public void stop(String reason) {
        this.stopped = reason;
    }

    public Map<Outcome, Integer> counts() {
        Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
        for (Outcome outcome : Outcome.values()) {
            counts.put(outcome, 0);
        }
        rows.forEach(row -> counts.merge(row.outcome(), 1, Integer::sum));
        return counts;
    }
}
