package io.skillsync.results;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import org.apache.camel.Exchange;

import io.skillsync.config.SkillSyncConfig;
import io.skillsync.record.ReleaseBook;

/**
 * Which rosters came from HR's SFTP server, known by their content (sha256, as each run's summary has it),
 * so that every run of that content reports back to HR: also a rerun after a stop, and after a restart.
 * One small file per roster under {@code <work-dir>/.sftp-origins}, forgotten after 30 days.
 */
@ApplicationScoped
@Named("sftpOrigins")
public class SftpOrigins {

    /** The current unit's settings, read at each call. */
    private final SkillSyncConfig config;

    private static final Duration KEPT = Duration.ofDays(30);


    SftpOrigins(SkillSyncConfig config) {
        this.config = config;
    }

    /** Route {@code sftp-intake}, once the download is in inbox/: the remote file's content is HR's. */
    public void downloaded(Exchange exchange) throws IOException {
        byte[] content = exchange.getMessage().getBody(byte[].class);
        String remote = exchange.getMessage().getHeader(Exchange.FILE_NAME_ONLY, String.class);
        Files.createDirectories(dir());
        Files.writeString(dir().resolve(ReleaseBook.sha256(new java.io.ByteArrayInputStream(content))), remote + "\n", StandardCharsets.UTF_8);
        forgetOld();
    }

    public boolean fromSftp(String sha256) {
        return sha256 != null && sha256.matches("[0-9a-f]{64}") && Files.exists(dir().resolve(sha256));
    }

    private void forgetOld() throws IOException {
        Instant before = Instant.now().minus(KEPT);
        try (Stream<Path> markers = Files.list(dir())) {
            for (Path marker : (Iterable<Path>) markers::iterator) {
                if (Files.getLastModifiedTime(marker).toInstant().isBefore(before)) {
                    Files.deleteIfExists(marker);
                }
            }
        }
    }

    private Path dir() {
        return Path.of(config.workDir(), ".sftp-origins");
    }
}
