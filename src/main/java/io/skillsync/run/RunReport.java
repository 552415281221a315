package io.skillsync.run;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jboss.logging.Logger;

import io.skillsync.config.SkillSyncConfig;
import io.skillsync.cxone.CxoneTraffic;
import io.skillsync.roster.RosterReader;
import io.skillsync.roster.RosterRecord;
import io.skillsync.roster.SpreadsheetCells;
import io.skillsync.roster.UnreadableRosterException;
import io.skillsync.sync.Outcome;
import io.skillsync.sync.Row;
import io.skillsync.sync.RunStoppedException;

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

    /** Where the file consumer moves the file, relative to inbox/ (used by the consumer's {@code move}). */
    public static final String ARCHIVE = "runArchive";
    private static final Logger LOG = Logger.getLogger(RunReport.class);
    private static final List<String> AUDIT_HEADER = List.of("line", "email", "agentId", "skill", "skillId",
            "resolvedAgentId", "resolvedSkillId", "proficiency", "active", "previousProficiency", "previousActive",
            "outcome", "detail", "batch", "httpStatus", "requestId", "cxoneRequestId", "traceId");

    private final Path workDir;
    private final RosterReader reader;
    private final CxoneTraffic traffic;
    private final ObjectMapper json;
    private final RunStatus status;
    private final RunJournal journal;

    RunReport(SkillSyncConfig config, RosterReader reader, CxoneTraffic traffic, ObjectMapper json, RunStatus status,
            RunJournal journal) {
        this.journal = journal;
        this.workDir = Path.of(config.workDir());
        this.reader = reader;
        this.traffic = traffic;
        this.json = json;
        this.status = status;
    }

    /** The run is complete: its record, then the file goes to processed/. */
    public void write(@ExchangeProperty(RunLedger.RUN) Run run, Exchange exchange) throws IOException {
        Path archive = free(workDir.resolve("processed").resolve(today(run)), run);
        List<String> outputs = new ArrayList<>(List.of(relative(archive)));
        Map<String, Object> summary = record(run, "complete", true, outputs);
        status.ended(run, "complete");
        handOver(run, exchange, archive);
        LOG.infof("run %s: %s complete: %s; audit %s", run.id(), run.fileName(), summary.get("counts"), outputs.get(1));
    }

    /**
     * The guard held the file: it goes to hold/ with {@code <name>.<runId>.reason.txt} giving the numbers,
     * its audit shows every row planned or rejected, and nothing was written. No error file: released, the
     * file runs again whole.
     */
    public void held(@ExchangeProperty(RunLedger.RUN) Run run, Exchange exchange) throws IOException {
        Path holdDir = workDir.resolve("hold");
        Path target = free(holdDir, run);
        Path reasonFile = holdDir.resolve(baseName(run) + "." + run.id() + ".reason.txt");
        String reason = run.fileName() + " is held: nothing was written to CXone.\n"
                + String.join("\n", run.heldBecause()) + "\n\nTo release it deliberately: Release on the console's Files (/console, an operator), or POST /ops/hold/"
                + target.getFileName() + "/release. The release is bound to this exact content and used"
                + " once: the file is then checked against CXone as it is at that moment, without these limits."
                + " Moving or renaming the file by hand releases nothing.\n";
        writeAtomically(reasonFile, out -> out.write(reason));
        List<String> outputs = new ArrayList<>(List.of(relative(target), relative(reasonFile)));
        Map<String, Object> summary = record(run, "held", false, outputs);
        status.ended(run, "held");
        handOver(run, exchange, target);
        LOG.warnf("run %s: %s held in %s: %s", run.id(), run.fileName(), relative(target), summary.get("counts"));
    }

    /**
     * The run stopped: its record says what happened, but no error file is written, because the file
     * itself stays in the inbox and runs again whole (what was applied then reads as unchanged).
     */
    public void stopped(@ExchangeProperty(RunLedger.RUN) Run run) throws IOException {
        List<String> outputs = new ArrayList<>();
        Map<String, Object> summary = record(run, "stopped", false, outputs);
        scratch(run);
        status.ended(run, "stopped");
        LOG.errorf("run %s: %s stopped, the file stays in inbox/ to run again: %s; %s", run.id(), run.fileName(),
                run.stopped(), summary.get("counts"));
        throw new RunStoppedException(run.fileName() + " stays in inbox/: " + run.stopped());
    }

    /**
     * The run's record cannot be written (disk full, work dir not writable): nothing is moved, the file
     * stays in the inbox, readiness goes DOWN with the reason, and the intake pauses.
     */
    public void unwritable(@ExchangeProperty(RunLedger.RUN) Run run,
            @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception cause) {
        run.stop("cannot write the run's record under " + workDir.toAbsolutePath() + ": " + cause);
        // unfinished, the journal becomes this run's record (interrupted) once the disk takes it again
        journal.abandon(run);
        status.ended(run, "unwritable");
        LOG.errorf("run %s: %s stays in inbox/: %s", run.id(), run.fileName(), run.stopped());
        throw new RunStoppedException(run.fileName() + " stays in inbox/: " + run.stopped());
    }

    /** Audit, error file (when asked and needed) and summary; returns the summary, fills {@code outputs}. */
    private Map<String, Object> record(Run run, String result, boolean withErrorFile, List<String> outputs)
            throws IOException {
        run.rows().stream().filter(Row::open).findFirst().ifPresent(row -> {
            throw new IllegalStateException("run " + run.id() + ": line " + row.line() + " has no outcome yet");
        });
        Path audit = workDir.resolve("audit").resolve(today(run)).resolve(run.id() + ".audit.csv");
        Path errors = workDir.resolve("error").resolve(baseName(run) + "." + run.id() + ".errors.csv");
        boolean errorFile = withErrorFile && run.rows().stream().anyMatch(row -> row.outcome().needsAttention());
        writeAtomically(audit, out -> writeAudit(run, out, errorFile ? errors : null));
        outputs.add(relative(audit));
        if (errorFile) {
            outputs.add(relative(errors));
        }
        if (run.rows().stream().anyMatch(row -> row.outcome() == Outcome.APPLIED)) {
            // streamed from the rows: a million applied rows are not copied first
            Path undoFile = audit.resolveSibling(run.id() + ".undo.csv");
            RunJournal.writeUndo(undoFile, () -> run.rows().stream().filter(row -> row.outcome() == Outcome.APPLIED)
                    .map(row -> new RunJournal.UndoLine(row.agentId(), row.skillId(), row.previousProficiency(),
                            row.previousActive()))
                    .iterator());
            outputs.add(relative(undoFile));
        }
        Path summary = audit.resolveSibling(run.id() + ".summary.json");
        outputs.add(relative(summary));
        Map<String, Object> content = summary(run, result, outputs);
        writeAtomically(summary, out -> json.writerWithDefaultPrettyPrinter().writeValue(out, content));
        journal.close(run, result, audit.getParent());
        return content;
    }

    /**
     * Anything unexpected (a bug, a resource the file exhausts): said at ERROR with its cause, the run counted
     * {@code failed}, its journal made its record (with the rows it had sent and their undo), and the file
     * set aside in error/ with the reason, rather than taken again and again. A file replaced mid-run passes
     * through: the exchange must fail so the new content stays in the inbox.
     */
    public void failed(@ExchangeProperty(RunLedger.RUN) Run run,
            @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception caught, Exchange exchange) throws IOException {
        if (caught instanceof FileReplacedException replaced) {
            throw replaced;
        }
        String reason = "SkillSync failed unexpectedly while running " + run.fileName() + ": " + caught;
        LOG.errorf(caught, "run %s: %s", run.id(), reason);
        journal.failed(run, reason);
        Path errorDir = workDir.resolve("error");
        Path target = free(errorDir, run);
        Path reasonFile = errorDir.resolve(baseName(run) + "." + run.id() + ".reason.txt");
        writeAtomically(reasonFile, out -> out.write(reason + System.lineSeparator() + "The file is set aside here;"
                + " the run's audit lists what it had sent to CXone, and its undo roster puts that back. Once the cause"
                + " is fixed, move the file into inbox/ to run it again." + System.lineSeparator()));
        String notWritten = "not written: " + reason;
        run.rows().stream().filter(Row::open).forEach(row -> row.end(Outcome.FAILED, notWritten));
        status.ended(run, "failed");
        handOver(run, exchange, target);
    }

    /** The file as a whole cannot be read: it goes to error/ whole, with the reason beside it. */
    public void unreadable(@ExchangeProperty(RunLedger.RUN) Run run,
            @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception caught, Exchange exchange)
            throws IOException {
        Throwable cause = UnreadableRosterException.in(caught);
        String reason = run.fileName() + ": " + cause.getMessage();
        Path errorDir = workDir.resolve("error");
        Path target = free(errorDir, run);
        Path reasonFile = errorDir.resolve(baseName(run) + "." + run.id() + ".reason.txt");
        writeAtomically(reasonFile, out -> out.write(reason + System.lineSeparator()));
        Path summary = workDir.resolve("audit").resolve(today(run)).resolve(run.id() + ".summary.json");
        Map<String, Object> content = summary(run, "unreadable",
                List.of(relative(target), relative(reasonFile), relative(summary)));
        content.put("reason", cause.getMessage());
        writeAtomically(summary, out -> json.writerWithDefaultPrettyPrinter().writeValue(out, content));
        journal.close(run, "unreadable", summary.getParent());
        handOver(run, exchange, target);
        status.ended(run, "unreadable");
        LOG.errorf("run %s: %s could not be read, moved to %s: %s", run.id(), run.fileName(), relative(target),
                cause.getMessage());
    }

    private void writeAudit(Run run, Writer out, Path errors) throws IOException {
        CSVPrinter errorOut = null;
        Writer errorWriter = null;
        Path errorPart = errors == null ? null : part(errors);
        try (RosterReader.Rows records = reader.rows(run.file());
                CSVPrinter auditOut = new CSVPrinter(out, CSVFormat.RFC4180)) {
            auditOut.printRecord(AUDIT_HEADER);
            int columnCount = records.columns().header().size();
            int errorColumn = records.columns().error();
            if (errorPart != null) {
                Files.createDirectories(errorPart.getParent());
                errorWriter = Files.newBufferedWriter(errorPart, StandardCharsets.UTF_8);
                errorOut = new CSVPrinter(errorWriter, CSVFormat.RFC4180);
                errorOut.printRecord(safe(errorCells(records.columns().header(), columnCount, errorColumn, "error")));
            }
            for (Row row : run.rows()) {
                RosterRecord record = records.hasNext() ? records.next() : null;
                if (record == null || record.line() != row.line()) {
                    throw new IllegalStateException("run " + run.id() + ": " + run.fileName()
                            + " changed while it was processed (line " + row.line() + " not found again)");
                }
                auditOut.printRecord(safe(auditLine(row, record)));
                if (errorOut != null && row.outcome().needsAttention()) {
                    errorOut.printRecord(safe(errorCells(record.cells(), columnCount, errorColumn, row.detail())));
                }
            }
        } finally {
            if (errorOut != null) {
                errorOut.close(true);
            }
            if (errorWriter != null) {
                errorWriter.close();
            }
        }
        if (errorPart != null) {
            Files.move(errorPart, errors, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    private static List<Object> auditLine(Row row, RosterRecord record) {
        var columns = record.columns();
        boolean resolved = row.agentId() != 0;
        return List.of(row.line(), cell(record, columns.email()), cell(record, columns.agentId()),
                cell(record, columns.skill()), cell(record, columns.skillId()),
                resolved ? row.agentId() : "", resolved ? row.skillId() : "",
                resolved ? level(row.targetProficiency()) : cell(record, columns.proficiency()),
                resolved ? row.active() : cell(record, columns.active()),
                level(row.previousProficiency()), row.previousActive() == Row.NONE ? "" : row.previousActive() == 1,
                row.outcome().label(), row.detail(), row.batch() == 0 ? "" : row.batch(),
                row.httpStatus() == 0 ? "" : row.httpStatus(), row.requestId() == null ? "" : row.requestId(),
                row.cxoneRequestId() == null ? "" : row.cxoneRequestId(), row.traceId() == null ? "" : row.traceId());
    }

    /** The input's own cells (without an error column an earlier run added), then this run's reason. */
    private static List<String> errorCells(List<String> cells, int columnCount, int errorColumn, String error) {
        List<String> line = new ArrayList<>(columnCount + 1);
        for (int i = 0; i < Math.max(columnCount, cells.size()); i++) {
            if (i != errorColumn) {
                line.add(i < cells.size() ? cells.get(i) : "");
            }
        }
        line.add(error);
        return line;
    }

    private static List<Object> safe(List<?> cells) {
        return cells.stream().map(c -> (Object) (c instanceof String s ? SpreadsheetCells.neutralise(s) : c)).toList();
    }

    private static String cell(RosterRecord record, int column) {
        String value = record.cell(column);
        return value == null ? "" : value;
    }

    private static Object level(int proficiency) {
        return proficiency == Row.NONE ? "" : proficiency;
    }

    private Map<String, Object> summary(Run run, String result, List<String> outputs) throws IOException {
        CxoneTraffic.Snapshot cost = traffic.snapshot().since(run.trafficAtStart());
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("rows", run.rows().size());
        run.counts().forEach((outcome, n) -> counts.put(outcome.label(), n));
        Map<String, Object> requests = new LinkedHashMap<>();
        requests.put("read", cost.read());
        requests.put("write", cost.write());
        requests.put("token", cost.token());
        requests.put("throttled429", cost.throttled429());
        requests.put("retried", cost.retried());
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("runId", run.id());
        summary.put("file", run.fileName());
        summary.put("sha256", run.sha256());
        summary.put("mode", run.dryRun() ? "dry-run" : "apply");
        summary.put("result", result);
        if (run.stopped() != null) {
            summary.put("stoppedBecause", run.stopped());
        }
        summary.put("started", run.started().toString());
        summary.put("finished", Instant.now().toString());
        summary.put("counts", counts);
        summary.put("batches", run.batchCount());
        if (run.dryRun()) {
            summary.put("wouldWrite", run.batches().size());
        }
        if (run.heldBecause() != null) {
            summary.put("heldBecause", run.heldBecause());
        }
        if (run.release() != null) {
            summary.put("releasedBy", Map.of("by", run.release().by(), "at", run.release().at(), "sha256",
                    run.release().sha256()));
        }
        if (run.wouldBeHeld() != null) {
            summary.put("wouldBeHeld", run.wouldBeHeld());
        }
        if (run.verified() >= 0) {
            summary.put("verified", run.verified());
        }
        summary.put("requests", requests);
        summary.put("outputs", outputs);
        return summary;
    }

    /** The run's folder date, in the service's time zone: operators look for last night's file under last night. */
    private static String today(Run run) {
        return LocalDate.ofInstant(run.started(), ZoneId.systemDefault()).toString();
    }

    private static String baseName(Run run) {
        String name = run.fileName();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /** The file's own name in {@code dir}, or with the runId when that name is taken. */
    private static Path free(Path dir, Run run) {
        Path target = dir.resolve(run.fileName());
        if (!Files.exists(target)) {
            return target;
        }
        String name = run.fileName();
        int dot = name.lastIndexOf('.');
        return dir.resolve(dot > 0 ? baseName(run) + "." + run.id() + name.substring(dot) : name + "." + run.id());
    }

    /**
     * The file leaves the inbox for {@code target} when the route ends, as the consumer moves it. If the
     * inbox now holds other content under that name (replaced mid-run), the run's own copy goes to
     * {@code target} instead and the new content stays in the inbox for the next run.
     */
    private void handOver(Run run, Exchange exchange, Path target) throws IOException {
        if (Files.isRegularFile(run.inboxFile()) && ReleaseBook.sha256(run.inboxFile()).equals(run.sha256())) {
            exchange.setProperty(ARCHIVE, fromInbox(target));
            scratch(run);
            return;
        }
        Files.createDirectories(target.getParent());
        Files.move(run.file(), target, StandardCopyOption.ATOMIC_MOVE);
        scratch(run);
        throw new FileReplacedException("run " + run.id() + ": inbox/" + run.fileName() + " was replaced while it ran;"
                + " the run's record is of the content it picked up (sha256 " + run.sha256() + ", now " + relative(target)
                + "), and the new content stays in inbox/ for the next run");
    }

    /** The run's own copy of its file, once the file has been handed over (or stays in the inbox). */
    private void scratch(Run run) throws IOException {
        Files.deleteIfExists(run.file());
        Files.deleteIfExists(run.file().getParent());
    }

    /** The exchange fails on purpose, so the consumer leaves the new content in the inbox. */
    public static final class FileReplacedException extends RuntimeException {
        FileReplacedException(String message) {
            super(message);
        }
    }

    private String relative(Path path) {
        return workDir.relativize(path).toString().replace('\\', '/');
    }

    private String fromInbox(Path path) {
        return "../" + relative(path);
    }

    private static Path part(Path target) {
        return target.resolveSibling(target.getFileName() + ".part");
    }

    /** Written under a temporary name and renamed, so a reader never sees half a file. */
    private static void writeAtomically(Path target, WriteTo content) throws IOException {
        Files.createDirectories(target.getParent());
        Path part = part(target);
        try (Writer out = Files.newBufferedWriter(part, StandardCharsets.UTF_8)) {
            content.write(out);
        }
        Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
    }

    @FunctionalInterface
    private interface WriteTo {
        void write(Writer out) throws IOException;
    }
}
