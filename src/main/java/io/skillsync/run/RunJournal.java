package io.skillsync.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jboss.logging.Logger;

import io.skillsync.config.SkillSyncConfig;
import io.skillsync.sync.AssignmentKey;
import io.skillsync.sync.Batch;
import io.skillsync.sync.Row;

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

    private final Path workDir;
    private final Path journals;
    private final ObjectMapper json;
    private final Map<String, FileChannel> open = new ConcurrentHashMap<>();
    /** Records forced to disk since start (for the benchmark's cost figure). */
    private final AtomicLong forced = new AtomicLong();

    private final RunStatus status;

    RunJournal(SkillSyncConfig config, ObjectMapper json, RunStatus status) {
        this.status = status;
        this.workDir = Path.of(config.workDir());
        this.journals = workDir.resolve("journal");
        this.json = json;
    }

    public long forced() {
        return forced.get();
    }

    public void open(Run run, String sha256) throws IOException {
        Files.createDirectories(journals);
        FileChannel channel = FileChannel.open(journals.resolve(run.id() + ".jsonl"), StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        open.put(run.id(), channel);
        append(run.id(), json.createObjectNode().put("record", "run").put("runId", run.id()).put("file", run.fileName())
                .put("sha256", sha256).put("mode", run.dryRun() ? "dry-run" : "apply").put("started", run.started().toString()));
    }

    /** Before the batch is sent: what it will change, and what CXone held before. */
    public void sending(Run run, Batch batch) {
        ObjectNode record = json.createObjectNode().put("record", "batch").put("batch", batch.number())
                .put("verb", batch.verb()).put("skillId", batch.skillId());
        ArrayNode rows = record.putArray("rows");
        for (Row row : batch.rows()) {
            rows.addObject().put("line", row.line()).put("agentId", row.agentId()).put("skillId", row.skillId())
                    .put("previousProficiency", row.previousProficiency()).put("previousActive", row.previousActive())
                    .put("proficiency", row.targetProficiency()).put("active", row.active());
        }
        append(run.id(), record);
    }

    /** After CXone's answer: each row's outcome so far (a row sent again later is "pending"). */
    public void answered(Run run, Batch batch, int status, String requestId) {
        ObjectNode record = json.createObjectNode().put("record", "answer").put("batch", batch.number()).put("status", status);
        if (requestId != null) {
            record.put("requestId", requestId);
        }
        ArrayNode rows = record.putArray("rows");
        for (Row row : batch.rows()) {
            rows.addObject().put("line", row.line()).put("outcome", row.open() ? "pending" : row.outcome().label())
                    .put("detail", row.open() ? "" : row.detail());
        }
        append(run.id(), record);
    }

    /** The run's record is written: the journal is closed and kept beside the audit. */
    public void close(Run run, String result, Path auditDir) {
        FileChannel channel = open.get(run.id());
        if (channel == null) {
            return;
        }
        append(run.id(), json.createObjectNode().put("record", "end").put("result", result));
        try {
            open.remove(run.id()).close();
            Files.createDirectories(auditDir);
            Files.move(journals.resolve(run.id() + ".jsonl"), auditDir.resolve(run.id() + ".journal.jsonl"),
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the journal of run " + run.id(), e);
        }
    }

    /** The run's record could not be written: the journal stays unfinished, to be recovered as interrupted. */
    public void abandon(Run run) {
        FileChannel channel = open.remove(run.id());
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                LOG.debugf("closing the journal of run %s: %s", run.id(), e.getMessage());
            }
        }
    }

    private void append(String runId, JsonNode record) {
        FileChannel channel = open.get(runId);
        if (channel == null) {
            throw new IllegalStateException("run " + runId + " has no open journal");
        }
        try {
            channel.write(ByteBuffer.wrap((json.writeValueAsString(record) + "\n").getBytes(StandardCharsets.UTF_8)));
            // on disk before the next step: a write CXone takes is never unrecorded
            channel.force(false);
            forced.incrementAndGet();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the journal of run " + runId + " (nothing more is sent)", e);
        }
    }

    // --- recovery ------------------------------------------------------------------------------------

    /** A row an interrupted run had sent, as its journal tells. */
    record Sent(int line, long agentId, long skillId, int previousProficiency, int previousActive, int proficiency,
            boolean active, int batch, String outcome, String detail, int status, String requestId) {
    }

    /**
     * Turns every unfinished journal but the running ones' into that run's audit, summary and undo roster
     * ({@code result: interrupted}); returns what each of them had applied, by file sha256.
     */
    public synchronized List<String> recover() {
        List<String> recovered = new ArrayList<>();
        if (!Files.isDirectory(journals)) {
            return recovered;
        }
        try (Stream<Path> files = Files.list(journals)) {
            for (Path journal : files.filter(f -> f.toString().endsWith(".jsonl")).sorted().toList()) {
                String runId = journal.getFileName().toString().replace(".jsonl", "");
                if (!open.containsKey(runId)) {
                    recover(journal, runId, "interrupted", "the run ended without its record (the process was killed or"
                            + " its record could not be written); this record is rebuilt from its write-ahead journal and"
                            + " lists the rows it had sent; the file runs again");
                    recovered.add(runId);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the journals under " + journals, e);
        }
        return recovered;
    }

    /** A run failed unexpectedly: its journal becomes its record now, with {@code result: failed}. */
    public synchronized void failed(Run run, String reason) {
        abandon(run);
        Path journal = journals.resolve(run.id() + ".jsonl");
        if (Files.exists(journal)) {
            try {
                recover(journal, run.id(), "failed", reason);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the record of failed run " + run.id(), e);
            }
        }
    }

    private void recover(Path journal, String runId, String result, String because) throws IOException {
        ObjectNode head = null;
        Map<Integer, Sent> rows = new LinkedHashMap<>();
        for (String line : Files.readAllLines(journal, StandardCharsets.UTF_8)) {
            JsonNode record;
            try {
                record = json.readTree(line);
            } catch (IOException e) {
                // the last line may be half-written by the kill: everything before it is whole (each was forced)
                continue;
            }
            switch (record.path("record").asText()) {
                case "run" -> head = (ObjectNode) record;
                case "batch" -> {
                    for (JsonNode row : record.path("rows")) {
                        rows.put(row.path("line").asInt(), new Sent(row.path("line").asInt(), row.path("agentId").asLong(),
                                row.path("skillId").asLong(), row.path("previousProficiency").asInt(),
                                row.path("previousActive").asInt(), row.path("proficiency").asInt(),
                                row.path("active").asBoolean(), record.path("batch").asInt(), null, null, 0, null));
                    }
                }
                case "answer" -> {
                    for (JsonNode row : record.path("rows")) {
                        Sent sent = rows.get(row.path("line").asInt());
                        if (sent != null && !row.path("outcome").asText().equals("pending")) {
                            rows.put(sent.line(), new Sent(sent.line(), sent.agentId(), sent.skillId(),
                                    sent.previousProficiency(), sent.previousActive(), sent.proficiency(), sent.active(),
                                    record.path("batch").asInt(), row.path("outcome").asText(), row.path("detail").asText(),
                                    record.path("status").asInt(), record.path("requestId").asText(null)));
                        }
                    }
                }
                default -> {
                }
            }
        }
        Instant started = head != null ? Instant.parse(head.path("started").asText()) : RunIds.startOf(runId);
        Path auditDir = workDir.resolve("audit").resolve(LocalDate.ofInstant(started, ZoneId.systemDefault()).toString());
        Files.createDirectories(auditDir);
        Path audit = auditDir.resolve(runId + ".audit.csv");
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("rows", rows.size());
        for (String outcome : List.of("applied", "unchanged", "rejected", "failed", "planned")) {
            counts.put(outcome, 0);
        }
        try (Writer out = Files.newBufferedWriter(part(audit), StandardCharsets.UTF_8);
                CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180)) {
            csv.printRecord("line", "resolvedAgentId", "resolvedSkillId", "proficiency", "active", "previousProficiency",
                    "previousActive", "outcome", "detail", "batch", "httpStatus", "requestId");
            for (Sent row : rows.values()) {
                String outcome = row.outcome() != null ? row.outcome() : "failed";
                String detail = row.outcome() != null ? row.detail()
                        : "interrupted: sent to CXone in batch " + row.batch() + " and no answer was recorded; CXone may"
                                + " hold it (the file's rerun reads what CXone holds)";
                counts.merge(outcome, 1, Integer::sum);
                csv.printRecord(row.line(), row.agentId(), row.skillId(), row.proficiency(), row.active(),
                        row.previousProficiency() < 0 ? "" : row.previousProficiency(),
                        row.previousActive() < 0 ? "" : row.previousActive() == 1, outcome, detail, row.batch(),
                        row.status() == 0 ? "" : row.status(), row.requestId() == null ? "" : row.requestId());
            }
        }
        Files.move(part(audit), audit, StandardCopyOption.ATOMIC_MOVE);
        Path undo = auditDir.resolve(runId + ".undo.csv");
        writeUndo(undo, rows.values().stream().map(r -> new UndoLine(r.agentId(), r.skillId(), r.previousProficiency(),
                r.previousActive())).toList());
        Path journalKept = auditDir.resolve(runId + ".journal.jsonl");
        Files.move(journal, journalKept, StandardCopyOption.ATOMIC_MOVE);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("runId", runId);
        summary.put("file", head == null ? "" : head.path("file").asText());
        summary.put("sha256", head == null ? "" : head.path("sha256").asText());
        summary.put("mode", head == null ? "apply" : head.path("mode").asText());
        summary.put("result", result);
        summary.put(result + "Because", because);
        summary.put("started", started.toString());
        summary.put("finished", Instant.now().toString());
        summary.put("counts", counts);
        summary.put("outputs", List.of(relative(audit), relative(undo), relative(journalKept),
                relative(auditDir.resolve(runId + ".summary.json"))));
        Path summaryFile = auditDir.resolve(runId + ".summary.json");
        Files.write(part(summaryFile), json.writerWithDefaultPrettyPrinter().writeValueAsBytes(summary));
        Files.move(part(summaryFile), summaryFile, StandardCopyOption.ATOMIC_MOVE);
        if (result.equals("interrupted")) {
            status.interrupted();
        }
        LOG.errorf("run %s of %s %s: its record is rebuilt from its journal (%d row(s) sent, %s)", runId,
                summary.get("file"), result, rows.size(), counts);
    }

    /** What the given interrupted runs applied, by (agentId, skillId): the runId, for the rerun's audit. */
    public Map<AssignmentKey, String> appliedBy(String sha256) {
        Map<AssignmentKey, String> applied = new LinkedHashMap<>();
        Path audit = workDir.resolve("audit");
        if (!Files.isDirectory(audit)) {
            return applied;
        }
        try (Stream<Path> files = Files.walk(audit, 2)) {
            for (Path journal : files.filter(f -> f.toString().endsWith(".journal.jsonl")).sorted().toList()) {
                // every kept journal is looked at on each run: only one of this content is read whole
                if (!firstLine(journal).contains(sha256)) {
                    continue;
                }
                List<String> lines = Files.readAllLines(journal, StandardCharsets.UTF_8);
                if (!interrupted(lines)) {
                    continue;
                }
                String runId = journal.getFileName().toString().replace(".journal.jsonl", "");
                for (String line : lines) {
                    JsonNode record = json.readTree(line);
                    if (record.path("record").asText().equals("batch")) {
                        for (JsonNode row : record.path("rows")) {
                            applied.put(new AssignmentKey(row.path("agentId").asLong(), row.path("skillId").asLong()), runId);
                        }
                    }
                }
            }
        } catch (IOException e) {
            LOG.warnf("cannot read earlier journals: %s", e.getMessage());
        }
        return applied;
    }

    private static String firstLine(Path file) throws IOException {
        try (var in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line = in.readLine();
            return line == null ? "" : line;
        }
    }

    private static boolean interrupted(List<String> lines) {
        return lines.stream().noneMatch(l -> l.contains("\"record\":\"end\""));
    }

    /** One line of an undo roster: what CXone held before, or "switch it off" for an assignment the run made. */
    record UndoLine(long agentId, long skillId, int previousProficiency, int previousActive) {
    }

    /**
     * The roster that puts back what a run changed ({@code agentId,skillId,proficiency,active}): previous
     * values; an assignment the run created is switched off (CXone has no delete). It goes through the
     * guard and preview like any roster.
     */
    static void writeUndo(Path undo, Iterable<UndoLine> lines) throws IOException {
        try (Writer out = Files.newBufferedWriter(part(undo), StandardCharsets.UTF_8);
                CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180)) {
            csv.printRecord("agentId", "skillId", "proficiency", "active");
            for (UndoLine line : lines) {
                if (line.previousActive() < 0) {
                    csv.printRecord(line.agentId(), line.skillId(), "", false);
                } else {
                    csv.printRecord(line.agentId(), line.skillId(),
                            line.previousProficiency() < 0 ? "" : line.previousProficiency(), line.previousActive() == 1);
                }
            }
        }
        Files.move(part(undo), undo, StandardCopyOption.ATOMIC_MOVE);
    }

    private String relative(Path path) {
        return workDir.relativize(path).toString().replace('\\', '/');
    }

    private static Path part(Path target) {
        return target.resolveSibling(target.getFileName() + ".part");
    }
}
