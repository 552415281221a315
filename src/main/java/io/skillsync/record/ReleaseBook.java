package io.skillsync.record;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

import io.skillsync.config.SkillSyncConfig;

/**
 * Deliberate releases of held files, bound to their content and to the limits the operator was shown. An
 * operator's release (console or ops API) records the held file's sha256, the reason it was held as shown,
 * who and when in {@code <work-dir>/approvals/}, sealed with the service's key ({@link RecordSeal}). A run
 * honours a record only when its seal holds, its approver is still an operator of the realm, it is younger
 * than {@code guard.release-valid-for}, it was never used, and every limit the file is over now was among
 * those shown; it is then renamed {@code <sha256>.<runId>.used.json}. A file's name approves nothing, and
 * nor does a record written by hand on the volume.
 */
@ApplicationScoped
public class ReleaseBook {

    private static final Logger LOG = Logger.getLogger(ReleaseBook.class);
    private static final String ROLES = "quarkus.security.users.embedded.roles.";

    /** The current unit's approvals folder and limits, asked at each use. */
    private final Supplier<Path> approvals;
    private final ApprovalRecords records;
    private final Supplier<Duration> validFor;
    /** Whether a user name is an operator of the console's realm now. */
    private final Predicate<String> operator;
    private final BooleanSupplier secondOperator;
    private final Clock clock;

    @Inject
    ReleaseBook(SkillSyncConfig config, ObjectMapper json, RecordSeal seal, Config realm) {
        this(() -> Path.of(config.workDir(), "approvals"), () -> config.guard().releaseValidFor(),
                () -> config.guard().releaseBySecondOperator(), json, seal, user -> Stream.of(realm.getOptionalValue(ROLES + user, String.class).orElse("").split(","))
                        .map(String::strip).anyMatch("operator"::equals), Clock.systemUTC());
    }

    ReleaseBook(Path approvals, Duration validFor, boolean secondOperator, ObjectMapper json, RecordSeal seal,
            Predicate<String> operator, Clock clock) {
        this(() -> approvals, () -> validFor, () -> secondOperator, json, seal, operator, clock);
    }

    private ReleaseBook(Supplier<Path> approvals, Supplier<Duration> validFor, BooleanSupplier secondOperator,
            ObjectMapper json, RecordSeal seal, Predicate<String> operator, Clock clock) {
        this.approvals = approvals;
        this.validFor = validFor;
        this.secondOperator = secondOperator;
        this.records = new ApprovalRecords(json, seal);
        this.operator = operator;
        this.clock = clock;
    }

    /** The release could not be carried out (the file did not reach the inbox): it approves nothing. */
    public synchronized void withdraw(Release release) throws IOException {
        Files.deleteIfExists(approvals.get().resolve(release.sha256() + ".json"));
    }

    /**
     * A release: who approved which content when, and under the two-person rule who asked for it first (else
     * empty); its record on disk also holds its id, what was shown and its seal.
     */
    public record Release(String sha256, String file, String by, String requestedBy, String at) {
    }

    /**
     * Records that {@code by} released the held file {@code held}, having been shown {@code shown}. Under the
     * two-person rule the first operator's release is a request (recorded; empty is returned) and the release
     * is the second, different operator's, within {@code release-valid-for} and shown the same limits.
     */
    public synchronized Optional<Release> approve(Path held, String by, String reason) throws IOException {
        String sha = sha256(held);
        String file = held.getFileName().toString();
        String shown = reason == null ? "" : reason;
        Instant now = clock.instant();
        String requestedBy = "";
        if (secondOperator.getAsBoolean()) {
            Path request = approvals.get().resolve(sha + ".request.json");
            Optional<String> first = records.read(request).filter(r -> records.sealedFor(ApprovalRecords.REQUEST, r)
                    && sha.equals(r.get("sha256")) && shown.equals(r.get("shown")) && operator.test(r.get("by"))
                    && !Instant.parse(r.get("at")).plus(validFor.get()).isBefore(now)).map(r -> r.get("by"));
            if (first.isEmpty() || first.get().equals(by)) {
                records.write(request, ApprovalRecords.REQUEST, ApprovalRecords.of(UUID.randomUUID().toString(), sha, file, by,
                        "", now, shown));
                return Optional.empty();
            }
            requestedBy = first.get();
            Files.delete(request);
        }
        Release release = new Release(sha, file, by, requestedBy, now.toString());
        records.write(approvals.get().resolve(sha + ".json"), ApprovalRecords.RELEASE,
                ApprovalRecords.of(UUID.randomUUID().toString(), sha, file, by, requestedBy, now, shown));
        return Optional.of(release);
    }

    /**
     * The release of content {@code sha} over the limits {@code over}, used up by run {@code runId}; empty when
     * there is none that holds (a record that does not is set aside as {@code .refused.json}, and said why).
     */
    public synchronized Optional<Release> take(String sha, String runId, List<String> over) throws IOException {
        Path file = approvals.get().resolve(sha + ".json");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Map<String, String> record = records.read(file).orElse(null);
        if (record == null) {
            return refuse(file, sha, runId, "it is not an approval record");
        }
        Release release = new Release(record.get("sha256"), record.get("file"), record.get("by"),
                record.getOrDefault("requestedBy", ""), record.get("at"));
        if (!sha.equals(release.sha256()) || !records.sealedFor(ApprovalRecords.RELEASE, record)) {
            return refuse(file, sha, runId, "its seal does not match: the service did not write it, or it was edited");
        }
        if (!operator.test(release.by())) {
            return refuse(file, sha, runId, "its approver " + release.by() + " is not an operator of the console's realm");
        }
        if (secondOperator.getAsBoolean() && (release.requestedBy().isEmpty() || release.requestedBy().equals(release.by())
                || !operator.test(release.requestedBy()))) {
            return refuse(file, sha, runId, "the two-person rule (skillsync.guard.release-by-second-operator) wants a second"
                    + " operator, and " + release.by() + " released it alone");
        }
        if (used(record.get("id"))) {
            return refuse(file, sha, runId, "it was used already");
        }
        if (Instant.parse(release.at()).plus(validFor.get()).isBefore(clock.instant())) {
            // a release is for the file the operator was shown, now: HR's resend of it days later is weighed again
            Files.move(file, approvals.get().resolve(sha + "." + runId + ".expired.json"), StandardCopyOption.ATOMIC_MOVE);
            LOG.infof("run %s: the release by %s at %s for content sha256 %s is older than %s: it lets nothing pass",
                    runId, release.by(), release.at(), sha, validFor.get());
            return Optional.empty();
        }
        List<String> shown = record.getOrDefault("shown", "").lines().map(String::strip).toList();
        List<String> unseen = over.stream().filter(limit -> !shown.contains(limit.strip())).toList();
        if (!unseen.isEmpty()) {
            // the file goes further now than what the operator released (other runs since, another skill): weighed again
            LOG.warnf("run %s: the release by %s at %s for content sha256 %s was shown other figures; it does not lift: %s",
                    runId, release.by(), release.at(), sha, String.join("; ", unseen));
            return Optional.empty();
        }
        Files.move(file, approvals.get().resolve(sha + "." + runId + ".used.json"), StandardCopyOption.ATOMIC_MOVE);
        LOG.infof("run %s: released by %s at %s for content sha256 %s: the guard lets it pass, once", runId, release.by(),
                release.at(), sha);
        return Optional.of(release);
    }

    private Optional<Release> refuse(Path file, String sha, String runId, String why) throws IOException {
        Files.move(file, approvals.get().resolve(sha + "." + runId + ".refused.json"), StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
        LOG.errorf("run %s: the approval record for content sha256 %s is refused, it lets nothing pass: %s", runId, sha, why);
        return Optional.empty();
    }

    /** Whether a record with this id was used by a run before (a used record copied back is not a new release). */
    private boolean used(String id) throws IOException {
        if (id == null) {
            return true;
        }
        try (Stream<Path> files = Files.list(approvals.get())) {
            return files.filter(f -> f.getFileName().toString().endsWith(".used.json"))
                    .anyMatch(f -> records.read(f).map(r -> id.equals(r.get("id"))).orElse(false));
        }
    }

    public static String sha256(Path file) throws IOException {
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
