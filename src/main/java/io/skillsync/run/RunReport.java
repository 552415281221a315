package io.skillsync.run;

import static io.skillsync.record.AtomicFiles.writeAtomically;
import static io.skillsync.run.RunArchive.baseName;
import static io.skillsync.run.RunArchive.free;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.jboss.logging.Logger;

import io.skillsync.config.SkillSyncConfig;
import io.skillsync.config.WorkFolders;
import io.skillsync.cxone.CxoneEndpoint;
import io.skillsync.cxone.CxoneTraffic;
import io.skillsync.record.ManagedAssignments;
import io.skillsync.record.RunAudit;
import io.skillsync.record.RunJournal;
import io.skillsync.record.RunRecords;
import io.skillsync.record.RunSummary;
import io.skillsync.roster.RosterReader;
import io.skillsync.roster.UnreadableRosterException;
import io.skillsync.sync.Outcome;
import io.skillsync.sync.RunResult;

/**
 * Writes a run's record once every row has its outcome (operations.md): {@code audit/<date>/<runId>.audit.csv}
 * (one line per input row), {@code <runId>.summary.json}, and {@code error/<name>.<runId>.errors.csv} with
 * only the rejected and failed rows in the input's own columns plus {@code error}. It then names where
 * the file goes ({@code processed/<date>/}, or {@code error/} when it could not be read), and the file
 * consumer moves it there after the route ends. Nothing is overwritten: a name already taken gets the runId.
 */
@ApplicationScoped
@Named("runReport")
public class RunReport {

    /** The current unit's settings, read at each call. */
    private final SkillSyncConfig config;

    private static final Logger LOG = Logger.getLogger(RunReport.class);

    private final RunStatus status;
    private final RunJournal journal;
    private final RunRecord records;
    private final RunArchive archive;

    RunReport(SkillSyncConfig config, RosterReader reader, CxoneTraffic traffic, ObjectMapper json, RunStatus status,
            RunJournal journal, RunRecords runRecords, ManagedAssignments managed, CxoneEndpoint endpoint) {
        this.config = config;
        this.journal = journal;
        this.archive = new RunArchive(workDir());
        this.records = new RunRecord(runRecords, new RunAudit(reader), traffic, json, journal,
                config.roster().zoneId(), managed, endpoint::tenantKey);
        this.status = status;
    }

    /** The run is complete: its record, then the file goes to processed/. */
    public void write(@ExchangeProperty(RunProperties.RUN) Run run, Exchange exchange) throws IOException {
        Path target = free(workDir().resolve(WorkFolders.PROCESSED).resolve(RunRecords.day(run.started())), run);
        List<String> outputs = new ArrayList<>(List.of(archive.relative(target)));
        RunSummary summary = records.write(run, RunResult.COMPLETE, true, outputs);
        status.ended(run, RunResult.COMPLETE);
        archive.handOver(run, exchange, target);
        LOG.infof("run %s: %s complete: %s; audit %s", run.id(), run.fileName(), summary.counts(), outputs.get(1));
    }

    /**
     * The guard held the file: it goes to hold/ with {@code <name>.<runId>.reason.txt} giving the numbers,
     * its audit shows every row planned or rejected, and nothing was written. No error file: released, the
     * file runs again whole.
     */
    public void held(@ExchangeProperty(RunProperties.RUN) Run run, Exchange exchange) throws IOException {
        Path holdDir = workDir().resolve(WorkFolders.HOLD);
        Path target = free(holdDir, run);
        Path reasonFile = RunRecords.reasonFile(holdDir, baseName(run), run.id());
        String reason = run.fileName() + " is held: nothing was written to CXone.\n"
                + String.join("\n", run.heldBecause()) + "\n\nTo release it deliberately: Release on the console's Files (/console, an operator), or POST /ops/hold/"
                + target.getFileName() + "/release. The release is bound to this exact content and used"
                + " once, within skillsync.guard.release-valid-for (24 h unless set), and only for the figures above: the file is then checked against CXone as it is at that"
                + " moment and passes these limits; if it would go further by then, it is held again."
                + " Moving or renaming the file by hand releases nothing.\n";
        writeAtomically(reasonFile, out -> out.write(reason));
        List<String> outputs = new ArrayList<>(List.of(archive.relative(target), archive.relative(reasonFile)));
        RunSummary summary = records.write(run, RunResult.HELD, false, outputs);
        status.ended(run, RunResult.HELD);
        archive.handOver(run, exchange, target);
        LOG.warnf("run %s: %s held in %s: %s", run.id(), run.fileName(), archive.relative(target), summary.counts());
    }

    /**
     * The run stopped: its record says what happened, but no error file is written, because the file
     * itself stays in the inbox and runs again whole (what was applied then reads as unchanged).
     */
    public void stopped(@ExchangeProperty(RunProperties.RUN) Run run) throws IOException {
        List<String> outputs = new ArrayList<>();
        RunSummary summary = records.write(run, RunResult.STOPPED, false, outputs);
        archive.scratch(run);
        status.ended(run, RunResult.STOPPED);
        LOG.errorf("run %s: %s stopped, the file stays in inbox/ to run again: %s; %s", run.id(), run.fileName(),
                run.stopped(), summary.counts());
    }

    /**
     * The run's record cannot be written (disk full, work dir not writable): nothing is moved, the file
     * stays in the inbox, readiness goes DOWN with the reason, and the intake pauses.
     */
    public void unwritable(@ExchangeProperty(RunProperties.RUN) Run run,
            @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception cause) {
        run.stop("cannot write the run's record under " + workDir().toAbsolutePath() + ": " + cause);
        // unfinished, the journal becomes this run's record (interrupted) once the disk takes it again
        journal.abandon(run.id());
        status.ended(run, RunResult.UNWRITABLE);
        LOG.errorf("run %s: %s stays in inbox/: %s", run.id(), run.fileName(), run.stopped());
    }

    /**
     * Anything unexpected (a bug, a resource the file exhausts): said at ERROR with its cause, the run counted
     * {@code failed}, its journal made its record (with the rows it had sent and their undo), and the file
     * set aside in error/ with the reason, rather than taken again and again. A file replaced mid-run passes
     * through: the exchange must fail so the new content stays in the inbox.
     */
    public void failed(@ExchangeProperty(RunProperties.RUN) Run run,
            @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Throwable caught, Exchange exchange) throws IOException {
        if (caught instanceof FileReplacedException replaced) {
            throw replaced;
        }
        setAside(run, exchange, "SkillSync failed unexpectedly while running " + run.fileName() + ": " + rootCause(caught), caught);
    }

    /** What Camel's wrappers ("Exception occurred during execution on the exchange") hide: the first cause. */
    private static Throwable rootCause(Throwable caught) {
        Throwable root = caught;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    /**
     * This content's last run here ended without its record: what stopped it escaped the route (a handler
     * that failed, an Error). Set aside, not taken again and again, each try leaving a copy behind.
     */
    public void diedBefore(@ExchangeProperty(RunProperties.RUN) Run run, Exchange exchange) throws IOException {
        setAside(run, exchange, run.fileName() + " " + run.diedBefore(), null);
    }

    private void setAside(Run run, Exchange exchange, String reason, Throwable caught) throws IOException {
        LOG.errorf(caught, "run %s: %s", run.id(), reason);
        journal.failed(run.id(), run.sha256(), reason);
        Path errorDir = workDir().resolve(WorkFolders.ERROR);
        Path target = free(errorDir, run);
        Path reasonFile = RunRecords.reasonFile(errorDir, baseName(run), run.id());
        writeAtomically(reasonFile, out -> out.write(reason + System.lineSeparator() + "The file is set aside here;"
                + " the run's audit lists what it had sent to CXone, and its undo roster puts that back. Once the cause"
                + " is fixed, move the file into inbox/ to run it again." + System.lineSeparator()));
        String notWritten = "not written: " + reason;
        run.rows().open().forEach(row -> row.end(Outcome.FAILED, notWritten));
        status.ended(run, RunResult.FAILED);
        archive.handOver(run, exchange, target);
    }

    /** The file as a whole cannot be read: it goes to error/ whole, with the reason beside it. */
    public void unreadable(@ExchangeProperty(RunProperties.RUN) Run run,
            @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception caught, Exchange exchange)
            throws IOException {
        Throwable cause = UnreadableRosterException.in(caught);
        String reason = run.fileName() + ": " + cause.getMessage();
        // rows read before the line that cannot be: nothing of the file is written, each says so
        String notWritten = "not written: the file cannot be read whole (" + cause.getMessage() + ")";
        run.rows().open().forEach(row -> row.end(Outcome.FAILED, notWritten));
        Path errorDir = workDir().resolve(WorkFolders.ERROR);
        Path target = free(errorDir, run);
        Path reasonFile = RunRecords.reasonFile(errorDir, baseName(run), run.id());
        writeAtomically(reasonFile, out -> out.write(reason + System.lineSeparator()));
        records.writeSummary(run, RunResult.UNREADABLE,
                new ArrayList<>(List.of(archive.relative(target), archive.relative(reasonFile))), cause.getMessage());
        archive.handOver(run, exchange, target);
        status.ended(run, RunResult.UNREADABLE);
        LOG.errorf("run %s: %s could not be read, moved to %s: %s", run.id(), run.fileName(), archive.relative(target),
                cause.getMessage());
    }

    /** The exchange fails on purpose, so the consumer leaves the new content in the inbox. */
    public static final class FileReplacedException extends RuntimeException {
        FileReplacedException(String message) {
            super(message);
        }
    }

    private Path workDir() {
        return Path.of(config.workDir());
    }
}
