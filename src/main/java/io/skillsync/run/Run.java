package io.skillsync.run;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.skillsync.cxone.CxoneTraffic;
import io.skillsync.sync.AssignmentKey;
import io.skillsync.sync.Batch;
import io.skillsync.sync.Outcome;
import io.skillsync.sync.Row;

/**
 * One roster file processed once: its rows with their outcomes, the batches it writes, and what it cost.
 * Lives in the exchange property {@code run} on the file's own thread, from pick-up until the file moves.
 */
public final class Run {

    private final String id;
    private final Path file;
    private final boolean dryRun;
    /** The file as it was in the inbox; {@link #file()} is the run's own copy of it, taken at pick-up. */
    private Path inboxFile;
    private String sha256;
    /** Assignments an interrupted earlier run of the same content had sent, with its runId. */
    private Map<AssignmentKey, String> earlierApplied = Map.of();
    /** The deliberate release this run used to pass the guard, or null. */
    private ReleaseBook.Release release;
    private final Instant started;
    private final CxoneTraffic.Snapshot trafficAtStart;
    private final List<Row> rows = new ArrayList<>();
    private List<Batch> batches = List.of();
    private int lastBatchNumber;
    private String stopped;
    private boolean stoppedAsPlanned;
    private boolean allRowsRead;
    private List<String> heldBecause;
    private List<String> wouldBeHeld;
    private long lastWriteMillis;
    private long firstWriteMillis;
    private int writesDone;
    private int progressTenth;
    private long progressLoggedAt;
    private int verified = -1;
    /** Reasons CXone gave for refusing whole requests (both halves of a split alike): not split again this run. */
    private final java.util.Set<String> wholeRequestRefusals = new java.util.HashSet<>();

    public Run(String id, Path file, boolean dryRun, Instant started, CxoneTraffic.Snapshot trafficAtStart) {
        this.id = id;
        this.file = file;
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        this.dryRun = dryRun || name.endsWith(".dryrun.csv");
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

    /** Where the file was picked up (the consumer moves it from there when the run ends). */
    public Path inboxFile() {
        return inboxFile;
    }

    /** The run reads its own copy ({@link #file()}), taken at pick-up and hashed then. */
    public void claimed(Path inboxFile, String sha256) {
        this.inboxFile = inboxFile;
        this.sha256 = sha256;
    }

    public String sha256() {
        return sha256;
    }

    public Map<AssignmentKey, String> earlierApplied() {
        return earlierApplied;
    }

    public void earlierApplied(Map<AssignmentKey, String> applied) {
        this.earlierApplied = Map.copyOf(applied);
    }

    /** Dry run for the whole service ({@code skillsync.mode}), or for this file alone ({@code *.dryrun.csv}). */
    public boolean dryRun() {
        return dryRun;
    }

    /** The operator's release of exactly this file's content that let it pass the guard, or null. */
    public ReleaseBook.Release release() {
        return release;
    }

    public void released(ReleaseBook.Release release) {
        this.release = release;
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
    }

    /** Whether the split reached the end of the file (a run can stop while rows are still being resolved). */
    public boolean allRowsRead() {
        return allRowsRead;
    }

    public void allRowsRead(boolean read) {
        this.allRowsRead = read;
    }

    /**
     * Groups of open rows about the same (agent, skill), each in file order, found by sorting packed
     * keys rather than by a map of a million entries: a large file must fit a small heap.
     */
    public List<List<Row>> repeats() {
        Map<Long, Integer> agents = new HashMap<>();
        Map<Long, Integer> skills = new HashMap<>();
        int open = 0;
        for (Row row : rows) {
            if (row.open()) {
                agents.putIfAbsent(row.agentId(), agents.size());
                skills.putIfAbsent(row.skillId(), skills.size());
                open++;
            }
        }
        if (rows.size() >= 1 << 24) {
            throw new IllegalStateException("more than 16,777,215 rows in one file: split it");
        }
        long[] packed = new long[open];
        int n = 0;
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            if (row.open()) {
                long key = (long) agents.get(row.agentId()) * skills.size() + skills.get(row.skillId());
                packed[n++] = key << 24 | i;
            }
        }
        java.util.Arrays.sort(packed);
        List<List<Row>> groups = new ArrayList<>();
        for (int from = 0; from < packed.length;) {
            int to = from + 1;
            while (to < packed.length && packed[to] >>> 24 == packed[from] >>> 24) {
                to++;
            }
            if (to - from > 1) {
                List<Row> group = new ArrayList<>(to - from);
                for (int k = from; k < to; k++) {
                    group.add(rows.get((int) (packed[k] & 0xFFFFFF)));
                }
                groups.add(group);
            }
            from = to;
        }
        return groups;
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

    /** Rows the plan would write. */
    public List<Row> plannedRows() {
        return batches.stream().flatMap(b -> b.rows().stream()).toList();
    }

    /** The guard held the file: nothing is written, every planned row says so. */
    public void hold(List<String> reasons) {
        this.heldBecause = List.copyOf(reasons);
        String why = String.join("; ", reasons);
        plannedRows().forEach(row -> row.end(Outcome.PLANNED, "held, not written (" + why + ")"));
    }

    public List<String> heldBecause() {
        return heldBecause;
    }

    /** A dry run over a guard limit: noted for the summary, nothing moves to hold/. */
    public void wouldBeHeld(List<String> reasons) {
        this.wouldBeHeld = List.copyOf(reasons);
    }

    public List<String> wouldBeHeld() {
        return wouldBeHeld;
    }

    /** A batch was just written; read-back waits from the last such moment. */
    public void wrote() {
        lastWriteMillis = System.currentTimeMillis();
        if (writesDone++ == 0) {
            firstWriteMillis = lastWriteMillis;
            progressLoggedAt = lastWriteMillis;
        }
    }

    public int writesDone() {
        return writesDone;
    }

    public long firstWriteMillis() {
        return firstWriteMillis;
    }

    int progressTenth() {
        return progressTenth;
    }

    long progressLoggedAt() {
        return progressLoggedAt;
    }

    void progressLogged(int tenth, long at) {
        progressTenth = tenth;
        progressLoggedAt = at;
    }

    public long lastWriteMillis() {
        return lastWriteMillis;
    }

    /** Rows read back as CXone holding them; -1 when the run did not verify. */
    public int verified() {
        return verified;
    }

    public void verified(int rows) {
        this.verified = rows;
    }

    /** CXone refused a request as a whole for {@code reason}, whatever its items: later batches are not split for it. */
    public void refusedAsWhole(String reason) {
        wholeRequestRefusals.add(reason);
    }

    public boolean refusesAsWhole(String reason) {
        return wholeRequestRefusals.contains(reason);
    }

    /** Why the run stopped before every batch was written, or null. */
    public String stopped() {
        return stopped;
    }

    public void stop(String reason) {
        this.stopped = reason;
    }

    /** The run stopped as planned (the window closed, a shutdown): nothing for readiness to report. */
    public void stoppedAsPlanned() {
        this.stoppedAsPlanned = true;
    }

    public boolean isStoppedAsPlanned() {
        return stoppedAsPlanned;
    }

    /** Rows that have their outcome (for the progress gauge and log). */
    public int settledRows() {
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
        rows.forEach(row -> counts.merge(row.outcome(), 1, Integer::sum));
        return counts;
    }
}
