package io.skillsync.console;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.skillsync.config.SkillSyncConfig;
import io.skillsync.config.WorkFolders;

/**
 * The runs as their records on disk tell them: each run's summary ({@code audit/<date>/<runId>.summary.json})
 * and its outputs (its rows are read a page at a time by {@link AuditRows}). Read for the console and the
 * operations API; nothing here writes.
 */
@ApplicationScoped
public class RunHistory {

    /** A run id as RunIds makes them: nothing else reaches a path. */
    static final Pattern RUN_ID = Pattern.compile("\\d{8}T\\d{6}Z-[0-9a-f]{4}");

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
}
