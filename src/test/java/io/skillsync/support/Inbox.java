package io.skillsync.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** The one way the tests put a roster into a work dir's inbox: written outside it, then moved in whole. */
public final class Inbox {

    private Inbox() {
    }

    /**
     * Writes {@code content} to {@code staged}, then moves it into {@code work}/inbox as {@code name}: the
     * intake never sees a half-written file, as with an SFTP upload or a careful operator.
     */
    public static void drop(Path work, String name, Path staged, byte[] content) throws IOException {
        // the inbox (and with it the work dir) first, as the copies this replaced did
        Files.createDirectories(work.resolve("inbox"));
        Files.write(staged, content);
        moveIn(work, name, staged);
    }

    public static void drop(Path work, String name, Path staged, CharSequence content) throws IOException {
        drop(work, name, staged, content.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Moves a file already written at {@code staged} into the inbox as {@code name}, in one rename. */
    public static void moveIn(Path work, String name, Path staged) throws IOException {
        Path inbox = Files.createDirectories(work.resolve("inbox"));
        // staged on the work dir's file system, so the rename is atomic and the intake sees all or nothing
        Files.move(staged, inbox.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    /** Where {@link io.skillsync.Drop} stages: {@code <work>/staging/<name>}, the folder made if need be. */
    public static Path inStagingFolder(Path work, String name) throws IOException {
        return Files.createDirectories(work.resolve("staging")).resolve(name);
    }

    /** Where the packaged-service tests stage: {@code <work>/<name>.staging}, beside the inbox. */
    public static Path besideInbox(Path work, String name) {
        return work.resolve(name + ".staging");
    }
}
