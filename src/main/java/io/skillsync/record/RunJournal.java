package io.skillsync.record;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.MeterRegistry;
import org.jboss.logging.Logger;

import io.skillsync.config.PerUnit;
import io.skillsync.config.SkillSyncConfig;
import io.skillsync.config.Units;
import io.skillsync.sync.AssignmentKey;
import io.skillsync.sync.Batch;
import io.skillsync.sync.Row;
import io.skillsync.sync.RunResult;

/**
 * The write-ahead journal: nothing written to CXone goes unrecorded, even if the process dies between a
 * write and the audit. {@code <work-dir>/journal/<runId>.jsonl} holds, one JSON line each and forced to
 * disk before the next step: the run (file, sha256), each batch before it is sent (rows with previous
 * and target values, the verb), and each answer's per-row results. When the run's audit is written the
 * journal is closed and kept beside it ({@code audit/<date>/<runId>.journal.jsonl}). A journal found
 * unfinished (a kill, a crash, an audit that could not be written) becomes that run's audit and summary
 * with {@code result: interrupted}, and its undo roster; the file itself is still in the inbox and runs
 * again, and that run's audit names the rows the interrupted one had applied.
 */
@ApplicationScoped
public class RunJournal {

    private static final Logger LOG = Logger.getLogger(RunJournal.class);

    private final ObjectMapper json;
    private final RecordSeal seal;
    /** Each unit's journals, under its own work dir. */
    private final PerUnit<Journals> state;

    RunJournal(SkillSyncConfig config, ObjectMapper json, MeterRegistry metrics, RecordSeal seal) {
        this.json = json;
        this.seal = seal;
        this.state = new PerUnit<>(unit -> {
            Path workDir = Path.of(config.workDir());
            Path journals = workDir.resolve("journal");
            return new Journals(journals, new JournalRecovery(workDir, journals, json,
                    () -> metrics.counter("skillsync.runs", Units.tags(unit).and("result", RunResult.INTERRUPTED.label()))
                            .increment(), seal),
                    new EndedWithTheProcess(journals), new InterruptedRuns(workDir, json, seal), new ConcurrentHashMap<>());
        });
    }

    /** A unit's journals: its folder, what recovers and reads them, and its runs open now (one unit's never end another's). */
    private record Journals(Path journals, JournalRecovery recovery, EndedWithTheProcess ended, InterruptedRuns interrupted,
            Map<String, OpenJournal> open) {
    }

    /** Opens the journal of run {@code runId} of {@code file} (content {@code sha256}), started at {@code started}. */
    public void open(String runId, String file, String sha256, boolean dryRun, Instant started) throws IOException {
        Journals ours = state.get();
        Files.createDirectories(ours.journals());
        ours.open().put(runId, new OpenJournal(ours.journals().resolve(runId + ".jsonl"), runId, sha256));
        append(runId, json.createObjectNode().put("record", "run").put("runId", runId).put("file", file)
                .put("sha256", sha256).put("mode", dryRun ? RunSummary.DRY_RUN : RunSummary.APPLY).put("started", started.toString()));
    }

    /** Before the batch is sent: what it will change, and what CXone held before. */
    public void sending(String runId, Batch batch) {
        ObjectNode record = json.createObjectNode().put("record", "batch").put("batch", batch.number())
                .put("verb", batch.verb().name()).put("skillId", batch.skillId());
        ArrayNode rows = record.putArray("rows");
        for (Row row : batch.rows()) {
            ObjectNode sent = rows.addObject().put("line", row.line());
            if (row.column() >= 0) {
                sent.put("column", row.column());
            }
            sent.put("agentId", row.agentId()).put("skillId", row.skillId())
                    .put("previousProficiency", row.previousProficiency()).put("previousActive", row.previousActive())
                    .put("proficiency", row.targetProficiency()).put("active", row.active());
        }
        append(runId, record);
    }

    /** After CXone's answer: each row's outcome so far (a row sent again later is "pending"). */
    public void answered(String runId, Batch batch, int status, String requestId) {
        ObjectNode record = json.createObjectNode().put("record", "answer").put("batch", batch.number()).put("status", status);
        if (requestId != null) {
            record.put("requestId", requestId);
        }
        ArrayNode rows = record.putArray("rows");
        for (Row row : batch.rows()) {
            ObjectNode answered = rows.addObject().put("line", row.line());
            if (row.column() >= 0) {
                answered.put("column", row.column());
            }
            answered.put("outcome", row.open() ? "pending" : row.outcome().label()).put("detail", row.open() ? "" : row.detail());
        }
        append(runId, record);
    }

    /** The run's record is written: the journal is closed and kept beside the audit. */
    public void close(String runId, RunResult result, Path auditDir) {
        Journals ours = state.get();
        if (!ours.open().containsKey(runId)) {
            return;
        }
        append(runId, json.createObjectNode().put("record", "end").put("result", result.label()));
        try (OpenJournal journal = ours.open().remove(runId)) {
            // this content ran to its record: the process ending under it before was not the content's doing
            ours.ended().clear(journal.sha256());
            Files.createDirectories(auditDir);
            Files.move(ours.journals().resolve(runId + ".jsonl"), auditDir.resolve(runId + ".journal.jsonl"),
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the journal of run " + runId, e);
        }
    }

    /**
     * Runs still open here when a new one opens ended without their record: what stopped them escaped the
     * route (the file consumer rolled back). Their journals are closed, so that the {@link #recover} that
     * follows makes them their records, as after a kill, and none is left unfinished.
     *
     * @return runId -> the sha256 of the content each ran
     */
    public Map<String, String> endAbandoned() {
        Journals ours = state.get();
        synchronized (ours) {
            Map<String, String> abandoned = new java.util.HashMap<>();
            ours.open().forEach((runId, journal) -> abandoned.put(runId, journal.sha256()));
            abandoned.keySet().forEach(this::abandon);
            return abandoned;
        }
    }

    /** The run's record could not be written: the journal stays unfinished, to be recovered as interrupted. */
    public void abandon(String runId) {
        OpenJournal journal = state.get().open().remove(runId);
        if (journal != null) {
            try {
                journal.close();
            } catch (IOException e) {
                LOG.debugf("closing the journal of run %s: %s", runId, e.getMessage());
            }
        }
    }

    private void append(String runId, JsonNode record) {
        OpenJournal journal = state.get().open().get(runId);
        if (journal == null) {
            throw new IllegalStateException("run " + runId + " has no open journal");
        }
        try {
            journal.append(json.writeValueAsString(record), seal);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the journal of run " + runId + " (nothing more is sent)", e);
        }
    }

    /**
     * Turns every unfinished journal but the running ones' into that run's audit, summary and undo roster
     * ({@code result: interrupted}); returns what each of them had applied, by file sha256.
     */
    public List<String> recover() {
        Journals ours = state.get();
        synchronized (ours) {
            return ours.recovery().recover(ours.open()::containsKey);
        }
    }

    /** The runs of content {@code sha256} that ended with the process since its last run that ended with its record. */
    public List<String> endedWithTheProcess(String sha256) throws IOException {
        return state.get().ended().of(sha256);
    }

    /** A run failed unexpectedly: its journal becomes its record now, with {@code result: failed}. */
    public void failed(String runId, String sha256, String reason) {
        Journals ours = state.get();
        synchronized (ours) {
            abandon(runId);
            ours.recovery().failed(runId, reason);
            try {
                // set aside with its record: moved back into the inbox by an operator, it runs again
                ours.ended().clear(sha256);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** What the given interrupted runs applied, by (agentId, skillId): the runId, for the rerun's audit. */
    public Map<AssignmentKey, String> appliedBy(String sha256) {
        return state.get().interrupted().appliedBy(sha256);
    }
}
