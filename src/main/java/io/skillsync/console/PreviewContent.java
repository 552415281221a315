package io.skillsync.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import io.skillsync.config.SkillSyncConfig;
import io.skillsync.config.WorkFolders;

/**
 * A preview's roster on disk. It is copied once, streamed, from where it comes (Quarkus' temporary file of
 * an upload, a file of error/, a run's undo roster) into {@code previews/<id>/}, hashed on the way, and
 * refused over {@code skillsync.intake.max-file-size}, the intake's own limit; then copied, streamed, into
 * the inbox through staging. Never whole in the heap: three 200 MB uploads read whole ran the heap out
 * (review N4).
 */
@ApplicationScoped
class PreviewContent {

    /** The current unit's settings, read at each call. */
    private final SkillSyncConfig config;

    private static final int BUFFER = 64 * 1024;


    PreviewContent(SkillSyncConfig config) {
        this.config = config;
    }

    /**
     * Copies roster {@code name} from {@code from} to {@code to} (a new file) and answers its sha256. Over the
     * limit it is refused, before the copy when its size says so, during it when it grew; what was copied is
     * deleted.
     */
    String keep(String name, Path from, Path to) throws IOException, WaitingRosters.Refused {
        if (Files.size(from) > maxFileSize()) {
            throw tooLarge(name, Files.size(from));
        }
        MessageDigest sha256 = sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(from), sha256);
                OutputStream out = Files.newOutputStream(to, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            byte[] buffer = new byte[BUFFER];
            long copied = 0;
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                copied += n;
                if (copied > maxFileSize()) {
                    throw tooLarge(name, copied);
                }
                out.write(buffer, 0, n);
            }
        } catch (IOException | WaitingRosters.Refused | RuntimeException e) {
            Files.deleteIfExists(to);
            throw e;
        }
        return HexFormat.of().formatHex(sha256.digest());
    }


    /**
     * Copies kept content into the inbox as {@code name}: written in staging beside the inbox, then moved in
     * whole, so the inbox never shows half a file. A dry run may make the inbox; an apply expects it there,
     * as it was when its preview ran.
     */
    void intoInbox(Path content, String name, boolean makeInbox) throws IOException {
        Path staged = workDir().resolve(WorkFolders.STAGING).resolve(name);
        Files.createDirectories(staged.getParent());
        Files.copy(content, staged, StandardCopyOption.REPLACE_EXISTING);
        if (makeInbox) {
            Files.createDirectories(workDir().resolve(WorkFolders.INBOX));
        }
        Files.move(staged, workDir().resolve(WorkFolders.INBOX).resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    /** Why a roster over the limit is refused, as an operator reads it. */
    WaitingRosters.Refused tooLarge(String name, long bytes) {
        return new WaitingRosters.Refused(413, ConsoleMessage.UPLOAD_TOO_LARGE, name + " is " + size(bytes) + ", over the " + size(maxFileSize())
                + " a roster may have (skillsync.intake.max-file-size): split it. Nothing was kept.");
    }

    /** Bytes as a person reads them: 1,048,577 bytes (exact, under 10 MiB), 256.0 MiB, 1.9 GiB. */
    static String size(long bytes) {
        if (bytes < 10 * 1024 * 1024) {
            return String.format(Locale.ROOT, "%,d bytes", bytes);
        }
        return bytes < 1024L * 1024 * 1024 ? String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024))
                : String.format(Locale.ROOT, "%.1f GiB", bytes / (1024.0 * 1024 * 1024));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Path workDir() {
        return Path.of(config.workDir());
    }

    private long maxFileSize() {
        return config.intake().maxFileSize();
    }
}
