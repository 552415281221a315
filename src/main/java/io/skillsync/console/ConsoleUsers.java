package io.skillsync.console;

import java.util.stream.StreamSupport;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.Config;

/**
 * Whether anyone may use the console and the operations API: users are Quarkus' embedded realm
 * ({@code quarkus.security.users.embedded.users.<name>} with {@code ...roles.<name>} = viewer or operator),
 * typically from a mounted secret. With none configured, both stay off: the login page says so.
 */
@ApplicationScoped
public class ConsoleUsers {

    static final String PREFIX = "quarkus.security.users.embedded.users.";
    private final boolean none;

    ConsoleUsers(Config config) {
        this.none = StreamSupport.stream(config.getPropertyNames().spliterator(), false).noneMatch(n -> n.startsWith(PREFIX));
    }

    public boolean none() {
        return none;
    }
}
