package io.skillsync.record;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jboss.logging.Logger;

import io.skillsync.record.JournalReplay.Sent;
import io.skillsync.sync.Outcome;
import io.skillsync.sync.RunResult;

/**
 * Turns an unfinished journal into that run's audit, summary and undo roster ({@code result: interrupted},
 * or {@code failed}), keeping the journal beside them. Called under {@link RunJournal}'s lock.
 */
final class JournalRecovery {

    private static final Logger LOG = Logger.getLogger(JournalRecovery.class);

    private final RunRecords records;
    private final Path journals;
    private final ObjectMapper json;
    /** Told of each run recovered as interrupted (the metric). */
    private final Runnable interrupted;
    private final RecordSeal seal;
    private final EndedWithTheProcess ended;

    /** The detail of a row sent with no answer recorded: CXone may hold it (the rolling guard counts it, RecentChanges). */
    static final String UNANSWERED = "interrupted: sent to CXone in batch ";

    JournalRecovery(Path workDir, Path journals, ObjectMapper json, Runnable interrupted, RecordSeal seal) {
        this.seal = seal;
        this.ended = new EndedWithTheProcess(journals);
        this.records = new RunRecords(workDir);
        this.journals = journals;
        this.json = json;
        this.interrupted = interrupted;
    }

    /** Every unfinished journal but the running ones' ({@code running}); returns their runIds. */
    List<String> recover(Predicate<String> running) {
        List<String> recovered = new ArrayList<>();
        if (!Files.isDirectory(journals)) {
            return recovered;
        }
        try (Stream<Path> files = Files.list(journals)) {
            for (Path journal : files.filter(f -> f.toString().endsWith(".jsonl")).sorted().toList()) {
                String runId = journal.getFileName().toString().replace(".jsonl", "");
                if (!running.test(runId)) {
                    try {
                        recover(journal, runId, RunResult.INTERRUPTED, "the run ended without its record (the process was killed"
                                + " or its record could not be written); this record is rebuilt from its write-ahead journal"
                                + " and lists the rows it had sent; the file runs again");
                        recovered.add(runId);
                    } catch (IOException | RuntimeException e) {
                        // one journal that cannot be recovered must not keep every file out of the intake
                        quarantine(journal, e);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the journals under " + journals, e);
        }
        return recovered;
    }

    /** A run failed unexpectedly (its journal abandoned): its journal becomes its record now. */
    void failed(String runId, String reason) {
        Path journal = journals.resolve(runId + ".jsonl");
        if (Files.exists(journal)) {
            try {
                recover(journal, runId, RunResult.FAILED, reason);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the record of failed run " + runId, e);
            }
        }
    }

    private void recover(Path journal, String runId, RunResult result, String because) throws IOException {
        JournalReplay replay = JournalReplay.read(journal, runId, json, seal);
        if (replay.head() == null && replay.rows().isEmpty() && replay.refused() != null) {
            throw new IllegalArgumentException("not a journal this service wrote: " + replay.refused());
        }
        ObjectNode head = replay.head();
        Map<Long, Sent> rows = replay.rows();
        Instant started = head != null ? Instant.parse(head.path("started").asText()) : RunIds.startOf(runId);
        if (started == null) {
            throw new IllegalArgumentException("it has no run record and its name is no run id: not a journal SkillSync wrote");
        }
        Path audit = records.auditFile(runId, started);
        Path auditDir = Files.createDirectories(audit.getParent());
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("rows", rows.size());
        for (Outcome outcome : Outcome.values()) {
            counts.put(outcome.label(), 0);
        }
        AtomicFiles.writeAtomically(audit, out -> {
            // the audit's own columns: what the input said is not in the journal, only what was sent
            CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180);
            csv.printRecord(RunAudit.COLUMNS);
            for (Sent row : rows.values()) {
                String outcome = row.outcome() != null ? row.outcome() : Outcome.FAILED.label();
                String detail = row.outcome() != null ? row.detail()
                        : UNANSWERED + row.batch() + " and no answer was recorded; CXone may"
                                + " hold it (the file's rerun reads what CXone holds)";
                counts.merge(outcome, 1, Integer::sum);
                csv.printRecord(row.line() == 0 ? "" : row.line(), "", "", "", "", row.agentId(), row.skillId(), row.proficiency(), row.active(),
                        row.previousProficiency() < 0 ? "" : row.previousProficiency(),
                        row.previousActive() < 0 ? "" : row.previousActive() == 1, outcome, detail, row.batch(),
                        row.status() == 0 ? "" : row.status(), row.requestId() == null ? "" : row.requestId(), "", "", "",
                        row.line() == 0 ? RunAudit.ABSENT : RunAudit.FILE, "");
            }
            csv.flush();
        });
        Path undo = records.undoFile(runId, started);
        // only what CXone said it applied: a row with no answer may not have been taken, and the file's rerun
        // sets it from what CXone holds then; undoing it would undo the rerun's work
        UndoRoster.write(undo, rows.values().stream().filter(r -> Outcome.APPLIED.label().equals(r.outcome()))
                .map(r -> new UndoRoster.UndoLine(r.agentId(), r.skillId(), r.previousProficiency(), r.previousActive())).toList());
        Path journalKept = auditDir.resolve(runId + ".journal.jsonl");
        if (replay.refused() != null) {
            because = because + "; its journal was set aside under journal/quarantined/: " + replay.refused()
                    + ", so this record holds only the lines before it";
            quarantine(journal, replay.refused());
            journalKept = journals.resolve("quarantined").resolve(journal.getFileName());
        } else {
            Files.move(journal, journalKept, StandardCopyOption.ATOMIC_MOVE);
        }
        Path summaryFile = records.summaryFile(runId, started);
        String file = head == null ? "" : head.path("file").asText();
        RunSummary summary = new RunSummary(runId, file, head == null ? "" : head.path("sha256").asText(),
                head == null ? RunSummary.APPLY : head.path("mode").asText(), result.label(), null,
                result == RunResult.INTERRUPTED ? because : null, result == RunResult.FAILED ? because : null,
                started.toString(), Instant.now().toString(), null, null, null, null, null, counts, null, null, null, null, null, null, null,
                List.of(records.relative(audit), records.relative(undo), records.relative(journalKept),
                        records.relative(summaryFile)), null, null);
        summary.write(summaryFile, json);
        if (result == RunResult.INTERRUPTED) {
            interrupted.run();
            ended.add(head == null ? null : head.path("sha256").asText(), runId);
        }
        LOG.errorf("run %s of %s %s: its record is rebuilt from its journal (%d row(s) sent, %s)", runId,
                file, result.label(), rows.size(), counts);
    }

    /** Set aside under {@code journal/quarantined/} with the reason beside it, said at ERROR; nothing is rebuilt from it. */
    private void quarantine(Path journal, Exception e) throws IOException {
        quarantine(journal, "it cannot be recovered (" + e + "): no record or undo roster is built from it");
    }

    private void quarantine(Path journal, String why) throws IOException {
        Path dir = Files.createDirectories(journals.resolve("quarantined"));
        Path target = dir.resolve(journal.getFileName());
        Files.move(journal, target, StandardCopyOption.REPLACE_EXISTING);
        String reason = "journal " + journal.getFileName() + " set aside here: " + why + ". Look at it, then delete it.";
        Files.writeString(dir.resolve(journal.getFileName() + ".reason.txt"), reason + System.lineSeparator(), StandardCharsets.UTF_8);
        LOG.errorf("%s", reason);
    }

}
