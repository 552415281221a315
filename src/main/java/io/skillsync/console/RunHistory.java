package io.skillsync.console;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

import io.skillsync.config.SkillSyncConfig;
import io.skillsync.config.WorkFolders;

/**
 * The runs as their records on disk tell them: each run's summary ({@code audit/<date>/<runId>.summary.json})
 * and its audit rows. Read for the console and the operations API; nothing here writes.
 */
@ApplicationScoped
public class RunHistory {

    /** A run id as RunIds makes them: nothing else reaches a path. */
    static final Pattern RUN_ID = Pattern.compile("\\d{8}T\\d{6}Z-[0-9a-f]{4}");

    /** One row of a run's audit, as an operator reads it. */
    public record AuditRow(String line, String agent, String skill, String before, String after, String outcome,
            String detail) {
    }

    /** A run's rows of one outcome (all outcomes when none is asked), at most a page of them, and the counts of each. */
    public record Rows(List<AuditRow> shown, long matching, Map<String, Long> byOutcome) {
    }

    private final Path workDir;
    private final ObjectMapper json;

    RunHistory(SkillSyncConfig config, ObjectMapper json) {
        this.workDir = Path.of(config.workDir());
        this.json = json;
    }

    /** The summaries of the newest runs first, at most {@code limit}, none older than {@code since} (null: any age). */
    public List<JsonNode> latest(int limit, Instant since) throws IOException {
        List<JsonNode> summaries = new ArrayList<>();
        for (Path file : summaryFiles()) {
            if (summaries.size() >= limit) {
                break;
            }
            JsonNode summary = json.readTree(file.toFile());
            if (since != null && startOf(summary).isBefore(since)) {
                break;
            }
            summaries.add(summary);
        }
        return summaries;
    }

    /** The summary of one run, if its id is a run id and the run left one. */
    public Optional<JsonNode> summary(String runId) throws IOException {
        if (runId == null || !RUN_ID.matcher(runId).matches()) {
            return Optional.empty();
        }
        for (Path file : summaryFiles()) {
            if (file.getFileName().toString().equals(runId + ".summary.json")) {
                return Optional.of(json.readTree(file.toFile()));
            }
        }
        return Optional.empty();
    }

    /** The run's output whose name ends with {@code suffix} (".audit.csv", ".errors.csv", ".undo.csv"), if it is still there. */
    public Optional<Path> output(JsonNode summary, String suffix) {
        for (JsonNode output : summary.path("outputs")) {
            String relative = output.asText();
            if (relative.endsWith(suffix) && !relative.contains("..")) {
                Path file = workDir.resolve(relative).normalize();
                if (file.startsWith(workDir.normalize()) && Files.isRegularFile(file)) {
                    return Optional.of(file);
                }
            }
        }
        return Optional.empty();
    }

    /** The run's audit rows with {@code outcome} (blank: every row), the first {@code max} of them, and every outcome's count. */
    public Rows rows(JsonNode summary, String outcome, int max) throws IOException {
        List<AuditRow> shown = new ArrayList<>();
        Map<String, Long> byOutcome = new LinkedHashMap<>();
        long matching = 0;
        Optional<Path> audit = output(summary, ".audit.csv");
        if (audit.isEmpty()) {
            return new Rows(shown, 0, byOutcome);
        }
        try (Reader in = Files.newBufferedReader(audit.get(), StandardCharsets.UTF_8)) {
            for (CSVRecord record : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                String rowOutcome = value(record, "outcome");
                byOutcome.merge(rowOutcome, 1L, Long::sum);
                if (outcome != null && !outcome.isBlank() && !outcome.equals(rowOutcome)) {
                    continue;
                }
                matching++;
                if (shown.size() < max) {
                    shown.add(new AuditRow(value(record, "line"), agent(record), skill(record),
                            level(value(record, "previousProficiency"), value(record, "previousActive")),
                            level(value(record, "proficiency"), value(record, "active")), rowOutcome, value(record, "detail")));
                }
            }
        }
        return new Rows(shown, matching, byOutcome);
    }

    /** When a run started, from its summary (its id when the field is missing). */
    static Instant startOf(JsonNode summary) {
        try {
            return Instant.parse(summary.path("started").asText());
        } catch (RuntimeException e) {
            Instant fromId = io.skillsync.record.RunIds.startOf(summary.path("runId").asText(""));
            return fromId == null ? Instant.EPOCH : fromId;
        }
    }

    /** Every summary file, newest run first (run ids sort by their start). */
    private List<Path> summaryFiles() throws IOException {
        Path audit = workDir.resolve(WorkFolders.AUDIT);
        if (!Files.isDirectory(audit)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(audit, 2)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".summary.json"))
                    .sorted(Comparator.comparing((Path f) -> f.getFileName().toString()).reversed()).toList();
        }
    }

    private static String agent(CSVRecord record) {
        String email = value(record, "email");
        return !email.isEmpty() ? email : or(value(record, "agentId"), value(record, "resolvedAgentId"));
    }

    private static String skill(CSVRecord record) {
        String name = value(record, "skill");
        return !name.isEmpty() ? name : or(value(record, "skillId"), value(record, "resolvedSkillId"));
    }

    private static String level(String proficiency, String active) {
        if (proficiency.isEmpty() && active.isEmpty()) {
            return "";
        }
        String state = "false".equalsIgnoreCase(active) ? "inactive" : "active";
        return proficiency.isEmpty() ? state : proficiency + ", " + state;
    }

    private static String or(String first, String second) {
        return first.isEmpty() ? second : first;
    }

    private static String value(CSVRecord record, String column) {
        return record.isMapped(column) && record.isSet(column) ? record.get(column) : "";
    }
}
