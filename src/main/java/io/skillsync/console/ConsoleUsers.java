package io.skillsync.console;

import java.util.Set;
import java.util.stream.Collectors;
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
    private final Set<String> names;

    ConsoleUsers(Config config) {
        this.names = StreamSupport.stream(config.getPropertyNames().spliterator(), false).filter(n -> n.startsWith(PREFIX))
                .map(n -> n.substring(PREFIX.length())).collect(Collectors.toUnmodifiableSet());
    }

    public boolean none() {
        return names.isEmpty();
    }

    /** Whether {@code name} is a configured user (failed sign-ins are counted per user only for these). */
    boolean exists(String name) {
        return names.contains(name);
    }
}
