package io.skillsync.console;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.Config;

/**
 * When a console session cookie was issued. Quarkus' form sign-in (PersistentLoginManager, 3.27) writes
 * {@code <idle expiry in epoch ms>:<user>}, AES-GCM encrypted under the SHA-256 of the session key, as
 * {@code base64(iv length, iv, ciphertext)}; the expiry is the issue time plus the form timeout. A cookie
 * this cannot read is one Quarkus cannot read either, or one of a format this does not know: it counts as
 * issued at the epoch, so it fails closed (and ConsoleUnderAttackTest fails at a Quarkus upgrade that
 * changes the format).
 */
@ApplicationScoped
public class SessionCookies {

    private final SecretKeySpec key;
    private final Duration timeout;
    private final String name;

    SessionCookies(Config config) {
        this.key = aesKey(config.getValue(SessionKeySource.KEY, String.class));
        this.timeout = config.getValue("quarkus.http.auth.form.timeout", Duration.class);
        this.name = config.getValue("quarkus.http.auth.form.cookie-name", String.class);
    }

    /** The session cookie's name. */
    String name() {
        return name;
    }

    /** When the session cookie {@code value} was issued (by a sign-in, or renewed while in use). */
    Instant issued(String value) {
        try {
            ByteBuffer message = ByteBuffer.wrap(Base64.getDecoder().decode(value));
            byte[] iv = new byte[message.get()];
            message.get(iv);
            byte[] encrypted = new byte[message.remaining()];
            message.get(encrypted);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, iv));
            String content = new String(cipher.doFinal(encrypted), StandardCharsets.UTF_8);
            long expiresIdle = Long.parseLong(content.substring(0, content.indexOf(':')));
            return Instant.ofEpochMilli(expiresIdle).minus(timeout);
        } catch (GeneralSecurityException | RuntimeException e) {
            return Instant.EPOCH;
        }
    }

    private static SecretKeySpec aesKey(String sessionKey) {
        try {
            return new SecretKeySpec(MessageDigest.getInstance("SHA-256").digest(sessionKey.getBytes(StandardCharsets.UTF_8)), "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
