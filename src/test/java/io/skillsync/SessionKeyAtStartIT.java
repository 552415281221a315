package io.skillsync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.skillsync.support.ServiceProcess;
import io.skillsync.support.WorkDirs;

/**
 * The packaged jar in the prod profile with console users (issue 23, N9): without a session key of its own
 * (the Secret template's empty QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY) it says at start that the replicas
 * will not share sessions and that sessions end at every restart; with a key it says nothing of the sort;
 * with a key under 16 characters (Quarkus would answer every request, liveness too, with a 500) it refuses
 * to start, saying why.
 */
class SessionKeyAtStartIT {

    static final Path WORK = Path.of("target/it-session-key");
    static final int PORT = 18393;
    static final String WARNING = "QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY";

    @BeforeAll
    static void usersFile() throws Exception {
        WorkDirs.deleteTree(WORK);
        Files.createDirectories(WORK);
        // alice/wonderland, an operator: the file deploy/README.md has an administrator make
        Files.writeString(WORK.resolve("console-users.properties"),
                "quarkus.security.users.embedded.users.alice=0ccf692e7ada97f961132813961dd083810ec772375aed8abc0849a9ef97c74e\n"
                        + "quarkus.security.users.embedded.roles.alice=operator\n");
    }

    static Map<String, String> env(String work, String key) {
        return Map.of("SKILLSYNC_WORK_DIR", WORK.resolve(work).toString(),
                "QUARKUS_CONFIG_LOCATIONS", WORK.resolve("console-users.properties").toAbsolutePath().toString(),
                "QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY", key);
    }

    @Test
    void withoutASessionKeyTheStartWarnsThatSessionsAreNeitherSharedNorKept() throws Exception {
        try (ServiceProcess service = ServiceProcess.start("session-key-missing", PORT, env("missing", ""))) {
            assertEquals(200, service.get("/console/login").statusCode());
        }
        List<String> warnings = Files.readAllLines(Path.of("target/session-key-missing.log")).stream()
                .filter(l -> l.contains(WARNING)).toList();
        assertEquals(1, warnings.size(), "one line naming the variable: " + warnings);
        String warning = warnings.get(0);
        assertTrue(warning.contains("WARN") && warning.contains("replica") && warning.contains("restart"), warning);
        // the empty value counts as none: Quarkus does not make a key of its own and print it
        assertEquals(0, ServiceProcess.logged("session-key-missing", "temporary key"));
    }

    @Test
    void withASessionKeyNothingIsSaid() throws Exception {
        try (ServiceProcess service = ServiceProcess.start("session-key-set", PORT, env("set", "k".repeat(32)))) {
            assertEquals(200, service.get("/console/login").statusCode());
        }
        assertEquals(0, ServiceProcess.logged("session-key-set", WARNING));
        assertEquals(0, ServiceProcess.logged("session-key-set", "kkkkkkkk"), "the key itself is never logged");
    }

    @Test
    void aSessionKeyUnderSixteenCharactersIsRefusedAtStart() throws Exception {
        String said = ServiceProcess.refusedStart("session-key-short", PORT, env("short", "fifteen-chars-x"));
        assertTrue(said.contains("shorter than 16 characters"), said);
        assertFalse(said.contains("fifteen-chars-x"), "the key itself is never logged");
    }
}
