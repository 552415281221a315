package io.skillsync.console;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * The key that encrypts the console's session cookie when none is configured: random per process, below
 * every other source, so QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY (deploy/kubernetes, shared by the replicas)
 * wins. Without it Quarkus would make one itself and print it in the log, where a key must never be.
 * {@link SessionKeyCheck} warns at a production start that uses this one; {@link EmptySessionKey} has an empty
 * value count as none.
 */
public class SessionKeySource implements ConfigSource {

    static final String KEY = "quarkus.http.auth.session.encryption-key";
    static final String NAME = "skillsync-session-key";
    static final int ORDINAL = 10;
    static final String VALUE;

    static {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        VALUE = Base64.getEncoder().encodeToString(key);
    }

    @Override
    public Set<String> getPropertyNames() {
        return Set.of(KEY);
    }

    @Override
    public Map<String, String> getProperties() {
        return Map.of(KEY, VALUE);
    }

    @Override
    public String getValue(String propertyName) {
        return KEY.equals(propertyName) ? VALUE : null;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public int getOrdinal() {
        return ORDINAL;
    }
}
