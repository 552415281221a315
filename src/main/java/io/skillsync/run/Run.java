package io.skillsync.run;

import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.skillsync.cxone.CxoneTraffic;
import io.skillsync.record.ReleaseBook;
import io.skillsync.roster.Mappings;
import io.skillsync.roster.RosterReader;
import io.skillsync.sync.AssignmentKey;
import io.skillsync.sync.Outcome;

/**
 * One roster file processed once: its rows with their outcomes, the batches it writes, and what it cost.
 * Lives in the exchange property {@code run} on the file's own thread, from pick-up until the file moves.
 * Its rows, its batches and the moments of its writes are parts callers ask directly ({@link #rows()},
 * {@link #batches()}, {@link #writes()}): each is changed only from this package, and read from anywhere.
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
    private RunColumns columns;
    private Mappings mappings = Mappings.none();
    private final Set<Instant> scheduledTimes = new HashSet<>();
    private final CxoneTraffic.Snapshot trafficAtStart;
    private final RunRows rows = new RunRows();
    private final RunBatches batches = new RunBatches();
    private final RunWrites writes = new RunWrites();
    private String stopped;
    /** The run of this very content that ended here without its record, or null. */
    private String diedBefore;
    private boolean stoppedAsPlanned;
    private List<String> heldBecause;
    private List<String> wouldBeHeld;
    private int verified = -1;

    public Run(String id, Path file, boolean dryRun, Instant started, CxoneTraffic.Snapshot trafficAtStart) {
        this.id = id;
        this.file = file;
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        this.dryRun = dryRun || name.matches(".*\\.dryrun\\." + RosterReader.EXTENSIONS);
        this.started = started;
        this.trafficAtStart = trafficAtStart;
    }

    // the file and what was known of it at pick-up

    public String id() { return id; }

    public Path file() { return file; }

    public String fileName() { return file.getFileName().toString(); }

    /** Where the file was picked up (the consumer moves it from there when the run ends). */
    public Path inboxFile() { return inboxFile; }

    /** The run reads its own copy ({@link #file()}), taken at pick-up and hashed then. */
    public void claimed(Path inboxFile, String sha256) {
        this.inboxFile = inboxFile;
        this.sha256 = sha256;
    }

    public String sha256() { return sha256; }

    public Map<AssignmentKey, String> earlierApplied() { return earlierApplied; }

    public void earlierApplied(Map<AssignmentKey, String> applied) { this.earlierApplied = Map.copyOf(applied); }

    /** Dry run for the whole service ({@code skillsync.mode}), or for this file alone ({@code *.dryrun.csv}). */
    public boolean dryRun() { return dryRun; }

    /** The operator's release of exactly this file's content that let it pass the guard, or null. */
    public ReleaseBook.Release release() { return release; }

    public void released(ReleaseBook.Release release) { this.release = release; }

    public Instant started() { return started; }

    /** The file's columns as the run read them (its layout, a matrix's skill columns, what it ignored), or null. */
    public RunColumns columns() { return columns; }

    public void columns(RunColumns columns) { this.columns = columns; }

    /** HR's names for skills and levels as read at the run's start (mappings/), or none. */
    public Mappings mappings() { return mappings; }

    public void mappings(Mappings mappings) { this.mappings = mappings; }

    /** The times of the rows it scheduled for later, each a file under scheduled/. */
    Set<Instant> scheduledTimes() { return scheduledTimes; }

    /** A matrix's skill columns (index -> skill), read again alike for the audit; empty for a long file. */
    public Map<Integer, String> skillColumns() { return columns == null ? Map.of() : columns.columns().skillColumns(); }

    public CxoneTraffic.Snapshot trafficAtStart() { return trafficAtStart; }

    /** Its rows in file order, whether the split read them all, and what they add up to. */
    public RunRows rows() { return rows; }

    /** The batches it writes: the plan, those it adds while writing, and when not to split one. */
    public RunBatches batches() { return batches; }

    /** When its writes happened and how many (progress, read-back's wait). */
    public RunWrites writes() { return writes; }

    // how it ended

    /** The guard held the file: nothing is written, every planned row says so. */
    public void hold(List<String> reasons) {
        this.heldBecause = List.copyOf(reasons);
        String why = String.join("; ", reasons);
        batches.plannedRows().forEach(row -> row.end(Outcome.PLANNED, "held, not written (" + why + ")"));
    }

    public List<String> heldBecause() { return heldBecause; }

    /** A dry run over a guard limit: noted for the summary, nothing moves to hold/. */
    public void wouldBeHeld(List<String> reasons) { this.wouldBeHeld = List.copyOf(reasons); }

    public List<String> wouldBeHeld() { return wouldBeHeld; }

    /** Rows read back as CXone holding them; -1 when the run did not verify. */
    public int verified() { return verified; }

    public void verified(int rows) { this.verified = rows; }

    /** Why the run stopped before every batch was written, or null. */
    public String stopped() { return stopped; }

    /** Why this content is set aside unread: its earlier runs here ended without their record (RunLedger). */
    public void diedBefore(String why) { this.diedBefore = why; }

    public String diedBefore() { return diedBefore; }

    public void stop(String reason) { this.stopped = reason; }

    /** The run stopped as planned (the window closed, a shutdown): nothing for readiness to report. */
    public void stoppedAsPlanned() { this.stoppedAsPlanned = true; }

    public boolean isStoppedAsPlanned() { return stoppedAsPlanned; }

    // a full roster (FullRoster): the whole truth for its skills

    /** Whether the file is the whole truth for its skills: what it leaves out is switched off. */
    public boolean full() { return full; }

    public void full(boolean full) { this.full = full; }

    /** The skills a full roster answers for, found once when CXone is read for them. */
    void answersFor(Set<Long> skills) { this.fullSkills = Set.copyOf(skills); }

    Set<Long> fullSkills() { return fullSkills; }

    void weighedInFull(int absent, String removal) {
        this.absent = absent;
        this.fullRemoval = removal;
    }

    /** What became of the assignments a full roster left out: deactivate or delete. */
    public String fullRemoval() { return fullRemoval; }

    /** How many skills a full roster answered for, or 0. */
    public int fullScope() { return fullSkills.size(); }

    /** How many assignments a full roster left out (each a row of the run), or 0. */
    public int absent() { return absent; }

    private boolean full;
    private Set<Long> fullSkills = Set.of();
    private int absent;
    private String fullRemoval;

    // drift (DriftCheck): assignments CXone held otherwise than SkillSync last set them

    private List<io.skillsync.sync.Drift> drift = List.of();

    /** The drift the run met among its rows, in file order; empty when none. */
    public List<io.skillsync.sync.Drift> drift() { return drift; }

    void drifted(List<io.skillsync.sync.Drift> found) { this.drift = List.copyOf(found); }
}
