package io.skillsync.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Clears a test's own folder under target/, so each run starts from nothing left by the last. */
public final class WorkDirs {

    private WorkDirs() {
    }

    /** {@code dir} emptied ({@link #deleteTree}), as a setting's value: for a test profile's own work dir. */
    public static String emptied(Path dir) {
        try {
            deleteTree(dir);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return dir.toString();
    }

    /** Deletes {@code dir} and everything below it, if it is there. */
    public static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
