package io.skillsync.run;

import static io.skillsync.record.AtomicFiles.writeAtomically;
import static io.skillsync.run.RunArchive.baseName;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.skillsync.cxone.CxoneTraffic;
import io.skillsync.record.ManagedAssignments;
import io.skillsync.record.RunAudit;
import io.skillsync.record.RunJournal;
import io.skillsync.record.RunRecords;
import io.skillsync.record.RunSummary;
import io.skillsync.record.ScheduledFiles;
import io.skillsync.record.UndoRoster;
import io.skillsync.roster.Mappings;
import io.skillsync.sync.AbsentRow;
import io.skillsync.sync.ManagedAssignment;
import io.skillsync.sync.Outcome;
import io.skillsync.sync.Row;
import io.skillsync.sync.RunResult;

/**
 * A finished run's record under {@code audit/<date>/}: its audit (with the error file when asked and needed),
 * its undo roster when it applied anything, its summary, and its journal closed beside them. The files'
 * names and formats are the record's ({@link RunRecords}, {@link RunAudit}, {@link RunSummary}); this
 * class gathers what the run knows into them.
 */
final class RunRecord {

    private final RunRecords records;
    private final RunAudit audit;
    private final CxoneTraffic traffic;
    private final ObjectMapper json;
    private final RunJournal journal;
    private final ZoneId zone;
    private final ManagedAssignments managed;
    /** The tenant the run wrote to ({@code CxoneEndpoint.tenantKey}): what SkillSync set is kept per tenant. */
    private final Supplier<String> tenant;

    RunRecord(RunRecords records, RunAudit audit, CxoneTraffic traffic, ObjectMapper json, RunJournal journal, ZoneId zone,
            ManagedAssignments managed, Supplier<String> tenant) {
        this.tenant = tenant;
        this.managed = managed;
        this.zone = zone;
        this.records = records;
        this.audit = audit;
        this.traffic = traffic;
        this.json = json;
        this.journal = journal;
    }

    /** Audit, error file (when asked and needed) and summary; returns the summary, fills {@code outputs}. */
    RunSummary write(Run run, RunResult result, boolean withErrorFile, List<String> outputs) throws IOException {
        run.rows().list().stream().filter(Row::open).findFirst().ifPresent(row -> {
            throw new IllegalStateException("run " + run.id() + ": line " + row.line() + " has no outcome yet");
        });
        Path auditFile = records.auditFile(run.id(), run.started());
        Path errors = records.errorFile(baseName(run), run.id());
        // a full roster's removal has no line to rerun: its next run weighs it again, so it opens no error file alone
        boolean errorFile = withErrorFile && run.rows().list().stream()
                .anyMatch(row -> row.outcome().needsAttention() && !(row instanceof AbsentRow));
        ScheduledFiles scheduled = new ScheduledFiles(records, baseName(run), run.id(), zone,
                result == RunResult.COMPLETE && !run.dryRun());
        writeAtomically(auditFile, out -> audit.write(run.id(), run.file(), run.skillColumns(), run.mappings(), run.rows().list(),
                out, errorFile ? errors : null, scheduled));
        outputs.add(records.relative(auditFile));
        if (errorFile) {
            outputs.add(records.relative(errors));
        }
        scheduled.commit().forEach(file -> outputs.add(records.relative(file)));
        if (run.rows().list().stream().anyMatch(row -> row.outcome() == Outcome.APPLIED)) {
            // streamed from the rows: a million applied rows are not copied first
            Path undoFile = records.undoFile(run.id(), run.started());
            UndoRoster.write(undoFile, () -> run.rows().list().stream().filter(row -> row.outcome() == Outcome.APPLIED)
                    .map(row -> new UndoRoster.UndoLine(row.agentId(), row.skillId(), row.previousProficiency(),
                            row.previousActive()))
                    .iterator());
            outputs.add(records.relative(undoFile));
        }
        if (run.rows().list().stream().anyMatch(row -> row.outcome() == Outcome.APPLIED) || !run.drift().isEmpty()) {
            managed.record(tenant.get(), lastSet(run));
        }
        Path file = summaryFile(run, outputs);
        RunSummary summary = summary(run, result, outputs);
        summary.write(file, json);
        journal.close(run.id(), result, auditFile.getParent());
        return summary;
    }

    /**
     * What the run leaves SkillSync having set, for drift: each applied row, and each drifted assignment whose roster
     * asked what CXone already held (the roster took the other party's change over: not drift again tomorrow).
     */
    private static Iterator<ManagedAssignment> lastSet(Run run) {
        Instant at = Instant.now();
        Stream<ManagedAssignment> applied = run.rows().list().stream().filter(row -> row.outcome() == Outcome.APPLIED)
                .map(row -> new ManagedAssignment(row.agentId(), row.skillId(), row.targetProficiency(), row.active(),
                        run.id(), at));
        boolean settles = !run.dryRun() && run.heldBecause() == null;
        Stream<ManagedAssignment> takenOver = run.drift().stream().filter(drift -> settles && drift.rosterAgrees())
                .map(drift -> drift.now() == null
                        ? new ManagedAssignment(drift.key().agentId(), drift.key().skillId(), drift.set().proficiency(), false,
                                run.id(), at)
                        : new ManagedAssignment(drift.key().agentId(), drift.key().skillId(), drift.now().proficiency(),
                                drift.now().active(), run.id(), at));
        return Stream.concat(applied, takenOver).iterator();
    }

    /** The summary's drift block: null when the run met none, so the key is left out. */
    private static RunSummary.Drift drift(Run run) {
        if (run.drift().isEmpty()) {
            return null;
        }
        return new RunSummary.Drift(run.drift().size(), run.drift().stream().limit(RunSummary.MOST_DRIFT_ITEMS)
                .map(d -> new RunSummary.DriftItem(d.key().agentId(), d.key().skillId(), d.set().state(), d.nowState(),
                        d.setBy(), d.set().runId()))
                .toList());
    }

    /** A summary alone, for a file that could not be read: no row of it has an audit line. */
    RunSummary writeSummary(Run run, RunResult result, List<String> outputs, String reason) throws IOException {
        Path file = summaryFile(run, outputs);
        RunSummary summary = summary(run, result, outputs).withReason(reason);
        summary.write(file, json);
        journal.close(run.id(), result, file.getParent());
        return summary;
    }

    /** The summary's own path, listed last among the outputs. */
    private Path summaryFile(Run run, List<String> outputs) {
        Path file = records.summaryFile(run.id(), run.started());
        outputs.add(records.relative(file));
        return file;
    }

    /** The mapping files the run read, with their sha256: which HR words were in force, provably. */
    private static Map<String, String> mappings(Mappings mappings) {
        Map<String, String> read = new LinkedHashMap<>();
        if (mappings.skillsSha256() != null) {
            read.put(Mappings.DIRECTORY + "/" + Mappings.SKILLS_FILE, mappings.skillsSha256());
        }
        if (mappings.levelsSha256() != null) {
            read.put(Mappings.DIRECTORY + "/" + Mappings.LEVELS_FILE, mappings.levelsSha256());
        }
        return read.isEmpty() ? null : read;
    }

    private RunSummary summary(Run run, RunResult result, List<String> outputs) {
        CxoneTraffic.Snapshot cost = traffic.snapshot().since(run.trafficAtStart());
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("rows", run.rows().size());
        run.rows().counts().forEach((outcome, n) -> counts.put(outcome.label(), n));
        if (run.full()) {
            counts.put("absent", run.absent());
        }
        var release = run.release();
        RunColumns columns = run.columns();
        return new RunSummary(run.id(), run.fileName(), run.sha256(), run.dryRun() ? RunSummary.DRY_RUN : RunSummary.APPLY,
                result.label(), run.stopped(), null, null, run.started().toString(), Instant.now().toString(),
                columns == null ? null : columns.layout(), columns == null ? null : columns.columns().ignored(),
                columns == null || columns.hints().isEmpty() ? null : columns.hints(), mappings(run.mappings()),
                run.full() ? new RunSummary.Full(run.fullScope(), run.fullRemoval()) : null, counts,
                run.batches().count(), run.dryRun() ? run.batches().planned().size() : null, run.heldBecause(),
                release == null ? null : new RunSummary.Release(release.by(), release.at(), release.sha256()),
                run.wouldBeHeld(), run.verified() >= 0 ? run.verified() : null,
                new RunSummary.Requests(cost.read(), cost.write(), cost.token(), cost.throttled429(), cost.retried()),
                List.copyOf(outputs), null, drift(run));
    }
}
