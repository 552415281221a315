package io.skillsync.record;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** The work dir's files are written under {@code <name>.part} and renamed, for the run's record and the journal's. */
public final class AtomicFiles {

    private AtomicFiles() {
    }

    /** What a file is called while it is written; readers and the intake pass it by. */
    public static final String PART = ".part";

    public static Path part(Path target) {
        return target.resolveSibling(target.getFileName() + PART);
    }

    /** Written under a temporary name and renamed, so a reader never sees half a file. */
    public static void writeAtomically(Path target, WriteTo content) throws IOException {
        Files.createDirectories(target.getParent());
        Path part = part(target);
        try (Writer out = Files.newBufferedWriter(part, StandardCharsets.UTF_8)) {
            content.write(out);
        }
        Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
    }

    @FunctionalInterface
    public interface WriteTo {
        void write(Writer out) throws IOException;
    }
}
