package io.skillsync.record;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.quarkus.runtime.StartupEvent;

import io.skillsync.config.SkillSyncConfig;

/**
 * The seal on what the service alone may write into the work dir: an approval of a held file and each line
 * of a run's journal carry an HMAC-SHA256 made with {@code skillsync.seal-key}, a key that comes from the
 * environment or a mounted secret, never from the work dir. Whoever can write the work dir (HR's share, a
 * shell on the volume) cannot forge an approval or edit a journal: without the key, no seal matches.
 */
@ApplicationScoped
public class RecordSeal {

    /** HMAC-SHA256's own block size: a shorter key would be padded, a guessable one would seal nothing. */
    static final int MIN_KEY_LENGTH = 32;

    private final Optional<String> key;

    @Inject
    RecordSeal(SkillSyncConfig config) {
        this(config.sealKey());
    }

    RecordSeal(Optional<String> key) {
        this.key = key.filter(k -> !k.isBlank());
    }

    /** A start without a usable key would write approvals and journals nobody can trust: it stops here. */
    void checkKey(@Observes StartupEvent start) {
        if (key.isEmpty() || key.get().length() < MIN_KEY_LENGTH) {
            throw new IllegalStateException("skillsync.seal-key (SKILLSYNC_SEAL_KEY) is " + (key.isEmpty() ? "not set" : "shorter than "
                    + MIN_KEY_LENGTH + " characters") + ": approvals of held files and the runs' journals are sealed with it."
                    + " Set it from a secret (openssl rand -base64 48), the same on every replica, never on the work dir");
        }
    }

    /** The seal of {@code text} for {@code purpose} (the purpose keeps a journal line from passing as an approval). */
    public String seal(String purpose, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.orElseThrow(() -> new IllegalStateException("skillsync.seal-key is not set"))
                    .getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update(purpose.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether {@code seal} is the seal of {@code text} for {@code purpose}, compared in constant time. */
    public boolean holds(String purpose, String text, String seal) {
        return seal != null && MessageDigest.isEqual(seal(purpose, text).getBytes(StandardCharsets.UTF_8),
                seal.getBytes(StandardCharsets.UTF_8));
    }
}
