package io.skillsync;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * Two replicas of the packaged service on one work dir, as two pods on one PVC: only the one holding the
 * file lock (Camel's master component with the file cluster service) takes files. The active one is
 * killed with SIGKILL; the other takes over, and every file is processed exactly once.
 */
class TwoReplicasIT {

    static final Path WORK = Path.of("target/two-replicas");
    static final int TENANT_PORT = 18190;

    @Test
    void theStandbyTakesOverAndNoFileRunsTwice() throws Exception {
        KillAndRestartIT.deleteTree(WORK);
        String url = "http://localhost:" + TENANT_PORT + "/sim";
        try (ServiceProcess tenant = ServiceProcess.start("replicas-tenant", TENANT_PORT, Map.of(
                "QUARKUS_PROFILE", "dev", "SKILLSYNC_SIMULATOR_ENABLED", "true", "SKILLSYNC_SIMULATOR_RATE_LIMIT", "100000",
                "SKILLSYNC_WORK_DIR", WORK.resolve("tenant-unused").toString(),
                "SKILLSYNC_CXONE_API_URL", url + "/inContactAPI/services/v30.0",
                "SKILLSYNC_CXONE_TOKEN_URL", url + "/auth/token"))) {
            tenant.post("/sim/admin/seed?agents=100");
            Map<String, String> env = new HashMap<>(KillAndRestartIT.SERVICE_ENV);
            env.put("SKILLSYNC_WORK_DIR", WORK.toString());
            env.put("SKILLSYNC_CXONE_API_URL", url + "/inContactAPI/services/v30.0");
            env.put("SKILLSYNC_CXONE_TOKEN_URL", url + "/auth/token");
            env.put("SKILLSYNC_CLUSTER_ACQUIRE_LOCK_INTERVAL", "1000");
            ServiceProcess a = ServiceProcess.start("replica-a", 18191, env);
            ServiceProcess b = ServiceProcess.start("replica-b", 18192, env);
            try {
                for (int n = 1; n <= 3; n++) {
                    drop("before-" + n + ".csv", n);
                }
                await().atMost(Duration.ofSeconds(60)).until(() -> summaries() == 3);
                String active = pickedUpIn("replica-a") > 0 ? "replica-a" : "replica-b";
                assertEquals(3, pickedUpIn(active), "one replica took every file");
                ServiceProcess leader = active.equals("replica-a") ? a : b;
                String standby = active.equals("replica-a") ? "replica-b" : "replica-a";

                leader.kill();
                long killed = System.nanoTime();
                for (int n = 1; n <= 3; n++) {
                    drop("after-" + n + ".csv", 3 + n);
                }
                await().atMost(Duration.ofSeconds(60)).until(() -> pickedUpIn(standby) > 0);
                double failover = (System.nanoTime() - killed) / 1e9;
                await().atMost(Duration.ofSeconds(60)).until(() -> summaries() == 6);
                System.out.printf("replica figures: %s took over %.1f s after the active one was killed%n", standby, failover);

                Map<String, Integer> runsPerFile = new HashMap<>();
                for (JsonNode run : Drop.summaries(WORK)) {
                    assertEquals("complete", run.path("result").asText(), run.toString());
                    runsPerFile.merge(run.path("file").asText(), 1, Integer::sum);
                }
                assertEquals(6, runsPerFile.size());
                assertTrue(runsPerFile.values().stream().allMatch(n -> n == 1), "each file exactly once: " + runsPerFile);
                assertEquals(6, KillAndRestartIT.retention(tenant), "each file's agent has Retention");
            } finally {
                a.close();
                b.close();
            }
        }
    }

    /** A one-row roster giving agent n Retention, dropped into {@code work}'s inbox in one move. */
    static void drop(Path work, String name, int n) throws Exception {
        Files.createDirectories(work.resolve("inbox"));
        Path staged = work.resolve(name + ".staging");
        Files.writeString(staged, String.format("email,skill,proficiency%nagent%04d@example.com,Retention,5%n", n));
        Files.move(staged, work.resolve("inbox").resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    static void drop(String name, int n) throws Exception {
        drop(WORK, name, n);
    }

    static long summaries() throws Exception {
        return Drop.summaries(WORK).size();
    }

    /** Lines of the replica's log (target/<replica>.log) that contain {@code text}. */
    static long logged(String replica, String text) throws Exception {
        try (Stream<String> lines = Files.lines(Path.of("target", replica + ".log"))) {
            return lines.filter(l -> l.contains(text)).count();
        }
    }

    static long pickedUpIn(String replica) throws Exception {
        return logged(replica, "picked up");
    }
}
