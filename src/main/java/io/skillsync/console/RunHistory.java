package io.skillsync.console;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.skillsync.record.RunIds;
import io.skillsync.record.RunRecords;

/**
 * The runs as their records on disk tell them ({@link RunRecords}): each run's summary
 * and its outputs (its rows are read a page at a time by {@link AuditRows}). Read for the console and the
 * operations API; nothing here writes.
 */
@ApplicationScoped
public class RunHistory {

    /** A run id as RunIds makes them: nothing else reaches a path. */
    static final Pattern RUN_ID = Pattern.compile("\\d{8}T\\d{6}Z-[0-9a-f]{4}");

    private final RunRecords records;
    private final ObjectMapper json;

    RunHistory(RunRecords records, ObjectMapper json) {
        this.records = records;
        this.json = json;
    }

    /** The summaries of the newest runs first, at most {@code limit}, none older than {@code since} (null: any age). */
    public List<JsonNode> latest(int limit, Instant since) throws IOException {
        List<JsonNode> summaries = new ArrayList<>();
        for (Path file : records.summaries()) {
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
        for (Path file : records.summaries()) {
            if (file.getFileName().toString().equals(runId + RunRecords.SUMMARY)) {
                return Optional.of(json.readTree(file.toFile()));
            }
        }
        return Optional.empty();
    }

    /** The run's output whose name ends with {@code suffix} (RunRecords.AUDIT, ERRORS, UNDO), if it is still there. */
    public Optional<Path> output(JsonNode summary, String suffix) {
        return records.output(summary, suffix);
    }

    /** When a run started, from its summary (its id when the field is missing). */
    static Instant startOf(JsonNode summary) {
        try {
            return Instant.parse(summary.path("started").asText());
        } catch (RuntimeException e) {
            Instant fromId = RunIds.startOf(summary.path("runId").asText(""));
            return fromId == null ? Instant.EPOCH : fromId;
        }
    }
}
