package io.skillsync.record;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
    public static final String REASON = ".reason.txt";
    /**
     * {@code <work-dir>/.managed/assignments.<tenant>.csv}: what SkillSync last set on each (agent, skill) of one
     * tenant, the yardstick of drift ({@link ManagedAssignments}); hidden like {@code .directory/}, as it is the
     * service's, not HR's.
     */
    public static final String MANAGED = ".managed";

    /** The managed assignments' file of a tenant ({@code tenant}: a short digest of CXone's API URL and tenantId). */
    public static String managedFile(String tenant) {
        return "assignments." + tenant + ".csv";
    }

    /** The current unit's work dir, asked at each use. */
    private final Supplier<Path> workDir;

    @Inject
    RunRecords(SkillSyncConfig config) {
        this.workDir = () -> Path.of(config.workDir());
    }

    public RunRecords(Path workDir) {
        this.workDir = () -> workDir;
    }

    /**
     * The folder of a run's record: {@code audit/<date>/}, dated in the service's time zone, as operators look
     * for last night's run under last night.
     */
    public Path auditDir(Instant started) {
        return workDir.get().resolve(WorkFolders.AUDIT).resolve(day(started));
    }

    /** The date folder name of an instant: {@code processed/<date>/} and {@code audit/<date>/}. */
    public static String day(Instant started) {
        return LocalDate.ofInstant(started, ZoneId.systemDefault()).toString();
    }

    public Path auditFile(String runId, Instant started) {
        return auditDir(started).resolve(runId + AUDIT);
    }

    public Path summaryFile(String runId, Instant started) {
        return auditDir(started).resolve(runId + SUMMARY);
    }

    public Path undoFile(String runId, Instant started) {
        return auditDir(started).resolve(runId + UNDO);
    }

    /** {@code error/<name>.<runId>.errors.csv}: the rows to fix and drop again. */
    public Path errorFile(String baseName, String runId) {
        return workDir.get().resolve(WorkFolders.ERROR).resolve(baseName + "." + runId + ERRORS);
    }

    /** How a scheduled file's name ends: the time it is due, {@code .20261211T080000Z.csv}. */
    private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final String UNTIL = "-until";
    private static final Pattern UNTIL_NAME = Pattern.compile(".*" + UNTIL + "\\.[^.]+\\.\\d{8}T\\d{6}Z\\.csv");
    private static final Pattern DUE_NAME = Pattern.compile(".*\\.(\\d{8}T\\d{6}Z)\\.csv");

    /** {@code scheduled/<name>.<runId>.<due>.csv}: rows of a run to run at {@code due}, or the end of a temporary change. */
    public Path scheduledFile(String baseName, String runId, Instant due) {
        // never early: a file taken before its rows' time would schedule them again
        Instant whole = due.getNano() == 0 ? due : due.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        return workDir.get().resolve(WorkFolders.SCHEDULED).resolve(baseName + "." + runId + "." + DUE.format(whole) + ".csv");
    }

    /** {@code scheduled/<name>-until.<runId>.<due>.csv}: what puts back a temporary change at {@code due}. */
    public Path untilFile(String baseName, String runId, Instant due) {
        return scheduledFile(baseName + UNTIL, runId, due);
    }

    /**
     * Whether a scheduled file is a temporary change's end ({@link #untilFile}): so named, and an undo roster by what it
     * holds. The name alone cannot tell: the rows effective later of HR's own {@code x-until.csv} are named as the end of a
     * temporary change of {@code x.csv} would be, but keep HR's columns.
     */
    public static boolean endsATemporaryChange(Path scheduled) {
        return UNTIL_NAME.matcher(scheduled.getFileName().toString()).matches() && UndoRoster.isOne(scheduled);
    }

    /** When a scheduled file is due, from its name; null for a name SkillSync did not give. */
    public static Instant due(String fileName) {
        Matcher due = DUE_NAME.matcher(fileName);
        return due.matches() ? DUE.parse(due.group(1), Instant::from) : null;
    }

    /** {@code <dir>/<name>.<runId>.reason.txt}: why the file beside it is held or set aside. */
    public static Path reasonFile(Path dir, String baseName, String runId) {
        return dir.resolve(baseName + "." + runId + REASON);
    }

    /** A path of the work dir as summaries list it: relative, with forward slashes. */
    public String relative(Path path) {
        return workDir.get().relativize(path).toString().replace('\\', '/');
    }

    /** Every run's summary file, newest run first (run ids sort by their start). */
    public List<Path> summaries() throws IOException {
        Path audit = workDir.get().resolve(WorkFolders.AUDIT);
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
        Path dir = workDir.get().resolve(WorkFolders.AUDIT).resolve(day.toString());
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
                Path file = workDir.get().resolve(relative).normalize();
                if (file.startsWith(workDir.get().normalize()) && Files.isRegularFile(file)) {
                    return Optional.of(file);
                }
            }
        }
        return Optional.empty();
    }
}
