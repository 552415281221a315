package io.skillsync.run;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.jboss.logging.Logger;

import io.skillsync.config.SkillSyncConfig;

/**
 * Deliberate releases of held files, bound to their content. An operator's release (ops API) records the
 * held file's sha256, who and when in {@code <work-dir>/approvals/} (beside the folders, where HR's drop
 * does not reach); a run honours it only for a file of exactly that content, and only once: the record
 * is then renamed {@code <sha256>.<runId>.used.json}. A file's name approves nothing.
 */
@ApplicationScoped
public class ReleaseBook {

    private static final Logger LOG = Logger.getLogger(ReleaseBook.class);

    private final Path approvals;
    private final ObjectMapper json;
    private final java.time.Duration validFor;

    ReleaseBook(SkillSyncConfig config, ObjectMapper json) {
        this.approvals = Path.of(config.workDir(), "approvals");
        this.json = json;
        this.validFor = config.guard().releaseValidFor();
    }

    /** The release could not be carried out (the file did not reach the inbox): it approves nothing. */
    public synchronized void withdraw(Release release) throws IOException {
        Files.deleteIfExists(approvals.resolve(release.sha256() + ".json"));
    }

    /** A release: who approved which content when. */
    public record Release(String sha256, String file, String by, String at) {
    }

    /** Records that {@code by} released the held file {@code held}; returns the record. */
    public Release approve(Path held, String by) throws IOException {
        Release release = new Release(sha256(held), held.getFileName().toString(), by, Instant.now().toString());
        Files.createDirectories(approvals);
        Path part = approvals.resolve(release.sha256() + ".json.part");
        Map<String, String> record = new LinkedHashMap<>();
        record.put("sha256", release.sha256());
        record.put("file", release.file());
        record.put("by", release.by());
        record.put("at", release.at());
        Files.write(part, json.writerWithDefaultPrettyPrinter().writeValueAsBytes(record));
        Files.move(part, approvals.resolve(release.sha256() + ".json"), StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
        return release;
    }

    /** The release of content {@code sha}, used up by run {@code runId}; empty when there is none (left). */
    public synchronized Optional<Release> take(String sha, String runId) throws IOException {
        Path record = approvals.resolve(sha + ".json");
        if (!Files.isRegularFile(record)) {
            return Optional.empty();
        }
        Release release = json.readValue(record.toFile(), Release.class);
        if (Instant.parse(release.at()).plus(validFor).isBefore(Instant.now())) {
            // a release is for the file the operator was shown, now: HR's resend of it days later is weighed again
            Files.move(record, approvals.resolve(sha + "." + runId + ".expired.json"), StandardCopyOption.ATOMIC_MOVE);
            LOG.infof("run %s: the release by %s at %s for content sha256 %s is older than %s: it lets nothing pass",
                    runId, release.by(), release.at(), sha, validFor);
            return Optional.empty();
        }
        Files.move(record, approvals.resolve(sha + "." + runId + ".used.json"), StandardCopyOption.ATOMIC_MOVE);
        LOG.infof("run %s: released by %s at %s for content sha256 %s: the guard lets it pass, once", runId, release.by(),
                release.at(), sha);
        return Optional.of(release);
    }

    static String sha256(Path file) throws IOException {
        return sha256(Files.newInputStream(file));
    }

    /** The sha256 of what {@code content} holds, read to its end and closed. */
    public static String sha256(InputStream content) throws IOException {
        try (InputStream in = new DigestInputStream(content, MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
