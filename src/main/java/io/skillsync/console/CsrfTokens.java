package io.skillsync.console;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.Config;

/**
 * The CSRF token a console page's forms carry, bound to the session: an HMAC of the signed-in user and the
 * browser's random CSRF cookie ({@link ConsoleCsrf}), under a key derived from the session key (so the
 * replicas, sharing that key, agree). Someone who can plant a cookie (a sibling subdomain, a man in the
 * middle of plain http) can choose the cookie, but not the token that goes with it for another user: a
 * chosen pair, or another user's pair, is refused.
 */
@ApplicationScoped
public class CsrfTokens {

    private static final String HMAC = "HmacSHA256";
    private final SecretKeySpec key;

    CsrfTokens(Config config) {
        this.key = new SecretKeySpec(hmac(new SecretKeySpec(config.getValue(SessionKeySource.KEY, String.class)
                .getBytes(StandardCharsets.UTF_8), HMAC), "skillsync console csrf"), HMAC);
    }

    /** The token of {@code user}'s pages in the browser whose CSRF cookie is {@code secret}. */
    String of(String user, String secret) {
        byte[] mac = hmac(key, user + "\n" + secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mac);
    }

    /** A change is refused unless its form carries the token of this user and the browser's CSRF cookie. */
    void verify(String field, String cookie, String user) {
        if (field == null || !ConsoleCsrf.wellFormed(cookie)
                || !MessageDigest.isEqual(field.getBytes(StandardCharsets.UTF_8), of(user, cookie).getBytes(StandardCharsets.UTF_8))) {
            throw new WebApplicationException(Response.status(Response.Status.FORBIDDEN).type("text/plain")
                    .entity("refused: this form did not come from a SkillSync console page of this session (CSRF token"
                            + " missing or wrong); reload the page and try again").build());
        }
    }

    private static byte[] hmac(SecretKeySpec key, String text) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JVM has " + HMAC, e);
        }
    }
}
