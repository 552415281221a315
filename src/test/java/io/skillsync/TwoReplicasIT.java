package io.skillsync;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import io.skillsync.support.Inbox;
import io.skillsync.support.ProcessTenant;
import io.skillsync.support.Rosters;
import io.skillsync.support.ServiceProcess;
import io.skillsync.support.WorkDirs;

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
        WorkDirs.deleteTree(WORK);
        // the tenant and the first replica start side by side; the second once the first is up, as before
        try (ServiceProcess tenant = ProcessTenant.launch("replicas-tenant", TENANT_PORT, WORK)) {
            Map<String, String> env = new HashMap<>(ProcessTenant.serviceEnv(WORK, ProcessTenant.url(TENANT_PORT)));
            env.put("SKILLSYNC_CLUSTER_ACQUIRE_LOCK_INTERVAL", "1000");
            ServiceProcess a = ServiceProcess.launch("replica-a", 18191, env);
            ServiceProcess b = null;
            try {
                tenant.awaitLive();
                ProcessTenant.seed(tenant, 100);
                a.awaitLive();
                b = ServiceProcess.start("replica-b", 18192, env);
                for (int n = 1; n <= 3; n++) {
                    drop("before-" + n + ".csv", n);
                }
                await().atMost(Duration.ofSeconds(60)).until(() -> summaries() == 3);
                String active = ServiceProcess.pickedUpIn("replica-a") > 0 ? "replica-a" : "replica-b";
                assertEquals(3, ServiceProcess.pickedUpIn(active), "one replica took every file");
                ServiceProcess leader = active.equals("replica-a") ? a : b;
                String standby = active.equals("replica-a") ? "replica-b" : "replica-a";

                leader.kill();
                long killed = System.nanoTime();
                for (int n = 1; n <= 3; n++) {
                    drop("after-" + n + ".csv", 3 + n);
                }
                await().atMost(Duration.ofSeconds(60)).until(() -> ServiceProcess.pickedUpIn(standby) > 0);
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
                assertEquals(6, ProcessTenant.retention(tenant), "each file's agent has Retention");
            } finally {
                a.close();
                if (b != null) {
                    b.close();
                }
            }
        }
    }

    /** A one-row roster giving agent n Retention, dropped into the inbox in one move. */
    static void drop(String name, int n) throws Exception {
        Inbox.drop(WORK, name, Inbox.besideInbox(WORK, name), Rosters.retentionForPresetAgent(n));
    }

    static long summaries() throws Exception {
        return Drop.summaries(WORK).size();
    }
}
