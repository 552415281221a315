package io.skillsync;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.skillsync.support.Inbox;
import io.skillsync.support.ProcessTenant;
import io.skillsync.support.ServiceProcess;
import io.skillsync.support.Tenants;
import io.skillsync.support.WorkDirs;

/**
 * operations.md: "No file is lost if the process is killed at any moment". The packaged service is killed
 * with SIGKILL in the middle of a 1,000-row file and started again: the file is still in the inbox, runs
 * again, nothing is applied twice, and the final summary accounts for every row. The tenant is a second
 * process (the simulator of the same jar), so it outlives the kill.
 */
@TestMethodOrder(MethodOrderer.MethodName.class)
class KillAndRestartIT {

    static final Path WORK = Path.of("target/kill-test");
    static final int TENANT_PORT = 18180;
    static final int SERVICE_PORT = 18181;

    static final String TENANT_URL = ProcessTenant.url(TENANT_PORT);
    static ServiceProcess tenant;

    /** The tenant outlives every kill: a second process of the same jar, only its simulator in use. */
    @BeforeAll
    static void startTenant() throws Exception {
        WorkDirs.deleteTree(WORK);
        tenant = ProcessTenant.start("kill-test-tenant", TENANT_PORT, WORK);
    }

    @AfterAll
    static void stopTenant() throws Exception {
        tenant.close();
    }

    static final Map<String, String> SERVICE_ENV = ProcessTenant.serviceEnv(WORK, TENANT_URL);
    /**
     * The restarted service: as before, but at 6,000 requests a minute (the tenant admits 100,000): the killed run
     * is slowed to be killed part-way, while its rerun has only to finish, and took ten seconds at 600.
     */
    static final Map<String, String> RESTART_ENV = restartEnv();

    static Map<String, String> restartEnv() {
        Map<String, String> env = new java.util.HashMap<>(SERVICE_ENV);
        env.put("SKILLSYNC_CXONE_REQUESTS_PER_MINUTE", "6000");
        return Map.copyOf(env);
    }

    /** A fresh tenant of 1,000 agents, and a roster giving each Retention, in the inbox. */
    static void nightlyRoster(String name) throws Exception {
        assertEquals(200, ProcessTenant.seed(tenant, 1000).statusCode());
        StringBuilder roster = new StringBuilder("email,skill,proficiency,active\n");
        for (int n = 1; n <= 1000; n++) {
            roster.append(String.format("%s,Retention,5,true%n", Tenants.presetEmail(n)));
        }
        Inbox.drop(WORK, name, Inbox.besideInbox(WORK, name), roster);
    }

    @Test
    void aTerminatedServiceFinishesItsRequestAndLeavesTheFileInTheInbox() throws Exception {
        ServiceProcess service = ServiceProcess.start("sigterm-test-service", SERVICE_PORT, SERVICE_ENV);
        nightlyRoster("evening.csv");
        await().atMost(Duration.ofSeconds(60)).until(() -> ProcessTenant.writes(tenant) >= 3);
        long terminated = System.nanoTime();
        service.close();
        double seconds = (System.nanoTime() - terminated) / 1e9;
        JsonNode summary = lastSummary();
        System.out.printf("sigterm figures: stopped %.1f s after SIGTERM; %s%n", seconds, summary.path("counts"));
        assertTrue(Files.exists(WORK.resolve("inbox/evening.csv")), "an unfinished file stays in the inbox");
        assertEquals("stopped", summary.path("result").asText(), summary.toString());
        assertTrue(summary.path("stoppedBecause").asText().contains("shutting down"), summary.toString());
        assertEquals(1000, summary.path("counts").path("rows").asInt());
        assertEquals(ProcessTenant.retention(tenant), summary.path("counts").path("applied").asInt(),
                "what the summary calls applied is what the tenant holds");
        Files.move(WORK.resolve("inbox/evening.csv"), WORK.resolve("evening.csv.done-with"));
    }

    @Test
    void aKilledRunIsTakenUpAgainAndEndsComplete() throws Exception {
        ServiceProcess service = ServiceProcess.start("kill-test-service-1", SERVICE_PORT, SERVICE_ENV);
        nightlyRoster("nightly.csv");
        await().atMost(Duration.ofSeconds(60)).until(() -> ProcessTenant.writes(tenant) >= 5);
        service.kill();
        long writesBeforeKill = ProcessTenant.writes(tenant);
        assertTrue(Files.exists(WORK.resolve("inbox/nightly.csv")), "killed mid-run, the file is still in the inbox");
        long appliedBeforeKill = ProcessTenant.retention(tenant);
        assertTrue(appliedBeforeKill > 0 && appliedBeforeKill < 1000, "killed part-way: " + appliedBeforeKill);

        long restarted = System.nanoTime();
        try (ServiceProcess again = ServiceProcess.start("kill-test-service-2", SERVICE_PORT, RESTART_ENV)) {
            await().atMost(Duration.ofSeconds(120)).until(() -> !Files.exists(WORK.resolve("inbox/nightly.csv")));
            JsonNode summary = lastSummary();
            System.out.printf("kill figures: killed after %d writes (%d rows applied); after the restart %s, "
                    + "%.1f s from restart to the file in processed/%n", writesBeforeKill, appliedBeforeKill,
                    summary.path("counts"), (System.nanoTime() - restarted) / 1e9);
            JsonNode counts = summary.path("counts");
            assertEquals("complete", summary.path("result").asText());
            assertEquals(1000, counts.path("rows").asInt());
            assertEquals(1000, counts.path("applied").asInt() + counts.path("unchanged").asInt(), counts.toString());
            assertTrue(counts.path("unchanged").asInt() >= appliedBeforeKill, "what the first run applied reads as unchanged");
            assertEquals(1000, ProcessTenant.retention(tenant), "the tenant ends complete");

            // nothing written went unrecorded: the killed run's journal became its record
            List<JsonNode> interrupted = Drop.summaries(WORK).stream()
                    .filter(s -> s.path("result").asText().equals("interrupted")).toList();
            assertEquals(1, interrupted.size(), "the killed run has its record");
            JsonNode killed = interrupted.get(0);
            assertTrue(killed.path("counts").path("rows").asInt() >= appliedBeforeKill, "every row it had sent: " + killed);
            assertTrue(killed.path("outputs").toString().contains(".undo.csv"), "and the roster that undoes it");
            List<String> undo = Files.readAllLines(WORK.resolve(killed.path("outputs").get(1).asText()));
            assertEquals("agentId,skillId,proficiency,active", undo.get(0));
            // what CXone said it applied: a row sent with no answer is left to the rerun (issue 23, N13)
            assertEquals(killed.path("counts").path("applied").asInt() + 1, undo.size(), killed.toString());
            String rerunAudit = "";
            for (JsonNode output : summary.path("outputs")) {
                rerunAudit = output.asText().endsWith(".audit.csv") ? output.asText() : rerunAudit;
            }
            long namedAsEarlier = Drop.csv(WORK.resolve(rerunAudit)).stream()
                    .filter(r -> r.get("detail").contains("which was interrupted")).count();
            assertTrue(namedAsEarlier >= appliedBeforeKill, "the rerun's audit says which rows the killed run sent: "
                    + namedAsEarlier);
            System.out.printf("kill figures: the killed run's record lists %d sent row(s); the rerun names %d as sent by it%n",
                    killed.path("counts").path("rows").asInt(), namedAsEarlier);
            try (Stream<Path> inbox = Files.list(WORK.resolve("inbox"))) {
                assertEquals(List.of(), inbox.toList(), "no stale lock file is left in the inbox");
            }
        }
    }

    static JsonNode lastSummary() throws IOException {
        List<JsonNode> summaries = Drop.summaries(WORK);
        return summaries.get(summaries.size() - 1);
    }

    /** The simulated tenant never runs in the prod profile: the packaged jar refuses to start with it. */
    @Test
    void theSimulatorIsRefusedInProd() throws Exception {
        String log = refusedStart("simulator-in-prod", Map.of("SKILLSYNC_SIMULATOR_ENABLED", "true", "SKILLSYNC_SEAL_KEY", ServiceProcess.SEAL_KEY));
        assertTrue(log.contains("never run in production"), log);
    }

    /** Without the key that seals approvals and journals (issue 23, N1) the packaged jar does not start. */
    @Test
    void noSealKeyNoStart() throws Exception {
        String log = refusedStart("no-seal-key", Map.of("SKILLSYNC_SEAL_KEY", "too-short"));
        assertTrue(log.contains("skillsync.seal-key (SKILLSYNC_SEAL_KEY) is shorter than 32 characters"), log);
        assertFalse(log.contains("too-short"), "the key itself is never said");
    }

    /** A misspelt dry run must never apply: a mode or write mode the service does not know stops its start. */
    @Test
    void aMisspeltModeIsRefusedAtStart() throws Exception {
        String log = refusedStart("misspelt-mode", Map.of("SKILLSYNC_MODE", "dryrun", "SKILLSYNC_SEAL_KEY",
                ServiceProcess.SEAL_KEY));
        assertTrue(log.contains("SKILLSYNC_MODE") || log.contains("skillsync.mode"), log);
        assertTrue(log.contains("dryrun"), log);
        String writeMode = refusedStart("misspelt-write-mode", Map.of("SKILLSYNC_CXONE_WRITE_MODE", "bulk_post",
                "SKILLSYNC_SEAL_KEY", ServiceProcess.SEAL_KEY));
        assertTrue(writeMode.contains("bulk_post"), writeMode);
    }

    static String refusedStart(String name, Map<String, String> env) throws Exception {
        Map<String, String> all = new java.util.HashMap<>(env);
        all.put("SKILLSYNC_WORK_DIR", WORK.resolve(name).toString());
        return ServiceProcess.refusedStart(name, 18199, all);
    }
}
