package io.skillsync;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

import io.skillsync.support.Inbox;

/** The operator's side of the tests: drop a roster into the inbox, wait for its run, read what it left. */
public final class Drop {

    public static final Path WORK = Path.of("target/test-data");
    private static final ObjectMapper JSON = new ObjectMapper();

    private Drop() {
    }

    /** Writes the file beside the inbox and moves it in whole, as an SFTP intake or a careful operator does. */
    public static void roster(String name, String content) {
        roster(name, content.getBytes(StandardCharsets.UTF_8));
    }

    public static void roster(String name, byte[] content) {
        try {
            Inbox.drop(WORK, name, Inbox.inStagingFolder(WORK, name), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits for the summary of the next run of {@code name} after {@code notBefore} (a runId, or "" for any). */
    public static JsonNode awaitRun(String name, String notBefore) {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                .until(() -> summary(name, notBefore), Optional::isPresent).get();
    }

    public static JsonNode awaitRun(String name) {
        return awaitRun(name, "");
    }

    private static Optional<JsonNode> summary(String name, String notBefore) throws IOException {
        List<JsonNode> all = summaries(WORK);
        // by start time, not by id: two runs in the same second have ids that sort by their random part
        java.time.Instant after = notBefore.isEmpty() ? null : all.stream().filter(s -> s.path("runId").asText().equals(notBefore))
                .map(Drop::started).findFirst().orElse(java.time.Instant.EPOCH);
        return all.stream().filter(s -> s.path("file").asText().equals(name) && !s.path("runId").asText().equals(notBefore)
                && (after == null || started(s).isAfter(after))).findFirst();
    }

    private static java.time.Instant started(JsonNode summary) {
        return java.time.Instant.parse(summary.path("started").asText());
    }

    /** Every run summary under a work dir's audit/, oldest first (runIds sort by time). */
    public static List<JsonNode> summaries(Path workDir) throws IOException {
        Path audit = workDir.resolve("audit");
        if (!Files.isDirectory(audit)) {
            return List.of();
        }
        List<JsonNode> summaries = new java.util.ArrayList<>();
        try (Stream<Path> files = walk(audit)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".summary.json"))
                    .sorted(java.util.Comparator.comparing(p -> p.getFileName().toString())).toList()) {
                JsonNode summary = read(file);
                if (summary != null) {
                    summaries.add(summary);
                }
            }
        }
        return summaries;
    }

    /** A summary as last read, while its file's time and size are those it was read at (keyed by absolute path). */
    private record Read(java.nio.file.attribute.FileTime modified, long size, JsonNode summary) {
    }

    private static final java.util.Map<Path, Read> READ = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The summary in {@code file}, parsed again only when the file changed: the awaits poll every summary of a work dir
     * many times a second, and the default profile's work dir holds hundreds by the end of the suite. Null when the
     * file is gone meanwhile (a test set its folder aside).
     */
    private static JsonNode read(Path file) throws IOException {
        java.nio.file.attribute.BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class);
        } catch (java.nio.file.NoSuchFileException e) {
            return null;
        }
        Path key = file.toAbsolutePath();
        Read read = READ.get(key);
        if (read == null || !read.modified().equals(attributes.lastModifiedTime()) || read.size() != attributes.size()) {
            read = new Read(attributes.lastModifiedTime(), attributes.size(), JSON.readTree(file.toFile()));
            READ.put(key, read);
        }
        return read.summary();
    }

    /** The files below {@code dir}; those renamed while it looks (a .part becoming final) are skipped. */
    public static Stream<Path> walk(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::exists).toList().stream();
        } catch (UncheckedIOException e) {
            return Stream.empty();
        }
    }

    /** Waits until the file has left the inbox (the consumer moves it after the route completes). */
    public static void awaitGone(String name) {
        // the consumer moves the file just after the summary is written: look at once, then often (a stat each time)
        await().atMost(Duration.ofSeconds(30)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(20))
                .until(() -> !Files.exists(WORK.resolve("inbox").resolve(name)));
    }

    /** The audit lines of a run, by the audit path its summary lists. */
    public static List<CSVRecord> audit(JsonNode summary) {
        return csv(output(summary, ".audit.csv"));
    }

    public static List<CSVRecord> errors(JsonNode summary) {
        return csv(output(summary, ".errors.csv"));
    }

    public static Path output(JsonNode summary, String suffix) {
        for (JsonNode output : summary.path("outputs")) {
            if (output.asText().endsWith(suffix)) {
                return WORK.resolve(output.asText());
            }
        }
        throw new AssertionError("no " + suffix + " among the outputs of " + summary);
    }

    public static List<CSVRecord> csv(Path file) {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
