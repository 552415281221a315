package io.skillsync.support;

import java.nio.file.Path;
import java.util.Map;

/** The settings that write the whole application's log at DEBUG to a file, for tests that search it for secrets. */
public final class DebugLog {

    private DebugLog() {
    }

    /** The whole application at DEBUG into {@code log} (the console stays at INFO). */
    public static Map<String, String> to(Path log) {
        return Map.of("quarkus.log.level", "DEBUG", "quarkus.log.console.level", "INFO", "quarkus.log.file.enabled", "true",
                "quarkus.log.file.path", log.toString(), "quarkus.log.file.level", "DEBUG");
    }
}
