package io.skillsync.console;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigValue;
import org.jboss.logging.Logger;

/**
 * The console's session key, checked at start. Shorter than 16 characters, Quarkus answers every request
 * (liveness too) with a 500: the start is refused, saying why. Missing in production with users configured
 * (the Secret template's empty QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY), the process signs sessions with a
 * random key of its own ({@link SessionKeySource}): safe, but the replicas do not share sessions and every
 * session ends at a restart; a warning says so. The start goes on: the roster sync does not need the console.
 */
@ApplicationScoped
public class SessionKeyCheck {

    static final int SHORTEST = 16;
    private static final Logger LOG = Logger.getLogger(SessionKeyCheck.class);

    void atStart(@Observes StartupEvent start, Config config, ConsoleUsers users) {
        ConfigValue key = config.getConfigValue(SessionKeySource.KEY);
        boolean ownKey = SessionKeySource.NAME.equals(key.getSourceName());
        if (!ownKey && key.getValue().length() < SHORTEST) {
            // the key itself is never logged, nor its length
            throw new IllegalStateException(SessionKeySource.KEY + " (QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY) is shorter"
                    + " than " + SHORTEST + " characters: Quarkus would answer every request, health checks too, with an error. Set 32 random characters,"
                    + " the same for every replica (openssl rand -base64 32), or leave it unset for a single process");
        }
        if (ownKey && !users.none() && LaunchMode.current() == LaunchMode.NORMAL) {
            LOG.warn("no QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY is set: console sessions are signed with a random key of"
                    + " this process, so replicas do not share them (a request another replica serves asks to sign in"
                    + " again) and every session ends at a restart. Set it to 32 random characters, the same for every"
                    + " replica (openssl rand -base64 32; deploy/README.md)");
        }
    }
}
