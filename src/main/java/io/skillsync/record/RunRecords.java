package io.skillsync.record;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;

import io.skillsync.config.SkillSyncConfig;
import io.skillsync.config.WorkFolders;

/**
 * Where the runs' records are, for whoever reads them (the console, the results to HR, the health of the
 * last run): {@code audit/<date>/<runId>.summary.json} per run, and the outputs each summary lists. The
 * names are spelled here once; nothing here writes.
 */
@ApplicationScoped
public class RunRecords {

    public static final String SUMMARY = ".summary.json";
    public static final String AUDIT = ".audit.csv";
    public static final String ERRORS = ".errors.csv";
    public static final String UNDO = ".undo.csv";

    private final Path workDir;

    @Inject
    RunRecords(SkillSyncConfig config) {
        this(Path.of(config.workDir()));
    }

    public RunRecords(Path workDir) {
        this.workDir = workDir;
    }

    /** Every run's summary file, newest run first (run ids sort by their start). */
    public List<Path> summaries() throws IOException {
        Path audit = workDir.resolve(WorkFolders.AUDIT);
        if (!Files.isDirectory(audit)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(audit, 2)) {
            return files.filter(f -> f.getFileName().toString().endsWith(SUMMARY))
                    .sorted(Comparator.comparing((Path f) -> f.getFileName().toString()).reversed()).toList();
        }
    }

    /** The summary files of the runs started on {@code day} (the service's zone, as the folders are named), oldest first. */
    public List<Path> summaries(LocalDate day) throws IOException {
        Path dir = workDir.resolve(WorkFolders.AUDIT).resolve(day.toString());
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(SUMMARY)).sorted().toList();
        }
    }

    /**
     * The run's output whose name ends with {@code suffix} ({@link #AUDIT}, {@link #ERRORS}, {@link #UNDO}), if
     * its summary lists it and it is still there; never a path outside the work dir.
     */
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
}
