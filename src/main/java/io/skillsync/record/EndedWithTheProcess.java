package io.skillsync.record;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * The runs of each content during which the process ended (kill -9, out of memory: the image exits on it),
 * kept under {@code journal/ended-with-the-process/<sha256>.txt} until a run of that content ends with its
 * record. Once is a restart; twice in a row is the content, and RunLedger sets it aside (no crash loop).
 */
final class EndedWithTheProcess {

    private final Path dir;

    EndedWithTheProcess(Path journals) {
        this.dir = journals.resolve("ended-with-the-process");
    }

    /** Run {@code runId} of content {@code sha256} was recovered from its journal as interrupted. */
    void add(String sha256, String runId) throws IOException {
        if (sha256 != null && sha256.matches("[0-9a-f]{64}")) {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(sha256 + ".txt"), runId + System.lineSeparator(), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
    }

    /** The runs of {@code sha256} that ended with the process since its last run that ended with its record. */
    List<String> of(String sha256) throws IOException {
        Path list = dir.resolve(sha256 + ".txt");
        return Files.isRegularFile(list)
                ? Files.readAllLines(list, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList()
                : List.of();
    }

    /** A run of {@code sha256} ended with its record (or was set aside, to run when moved back): forgotten. */
    void clear(String sha256) throws IOException {
        if (sha256 != null && sha256.matches("[0-9a-f]{64}")) {
            Files.deleteIfExists(dir.resolve(sha256 + ".txt"));
        }
    }
}
