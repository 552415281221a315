package io.skillsync.console;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.skillsync.config.Units;
import io.skillsync.config.WorkFolders;
import io.skillsync.record.AtomicFiles;

/**
 * When each user last signed out of the console, one small file per user under the work dir
 * ({@code .console/signed-out/<sha256 of the name>}): the work dir is shared by the replicas and outlives a
 * restart, so a session cookie issued before the sign-out is refused by every replica, at any time after.
 * The form sign-in keeps no session on the server; this is what makes a sign-out end it there.
 */
@ApplicationScoped
public class SignOuts {

    private final Path folder;

    SignOuts(Units units) {
        // the console is one for every unit: its sign-outs sit under the top level's work dir
        this.folder = Path.of(units.top().workDir()).resolve(WorkFolders.SIGN_OUTS);
    }

    /** Records that {@code user} signed out at {@code at}: every session of theirs issued until then ends. */
    void signedOut(String user, Instant at) throws IOException {
        Files.createDirectories(folder);
        Path file = file(user);
        AtomicFiles.writeAtomically(file, out -> out.write(at.toString()));
    }

    /**
     * When {@code user} last signed out, if ever. A record that cannot be read (the shared volume failing)
     * counts as a sign-out now: it fails closed, and the user signs in again.
     */
    Optional<Instant> last(String user) {
        try {
            return Optional.of(Instant.parse(Files.readString(file(user), StandardCharsets.UTF_8).trim()));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | DateTimeParseException e) {
            return Optional.of(Instant.now());
        }
    }

    private Path file(String user) {
        // a hash: any name is a safe file name, and the folder does not list who uses the console
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(user.getBytes(StandardCharsets.UTF_8));
            return folder.resolve(HexFormat.of().formatHex(hash));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
