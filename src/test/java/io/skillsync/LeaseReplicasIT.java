package io.skillsync;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import org.junit.jupiter.api.Test;

import io.skillsync.support.Inbox;
import io.skillsync.support.ProcessTenant;
import io.skillsync.support.Rosters;
import io.skillsync.support.ServiceProcess;
import io.skillsync.support.WorkDirs;

/**
 * Two replicas of the packaged service with {@code skillsync.cluster.service=kubernetes}, electing their
 * leader through a Lease on a Kubernetes API server (fabric8's mock server, in this JVM). The leader is
 * frozen with SIGSTOP (a long GC pause, a stalled node): it renews nothing, and the standby takes over once
 * the Lease has expired. Then the old leader is thawed: it must take no file and write nothing, although
 * its timers fire as if nothing had happened. Every file runs exactly once.
 */
class LeaseReplicasIT {

    static final Path WORK = Path.of("target/lease-replicas");
    static final int TENANT_PORT = 18290;

    @Test
    void aFrozenLeaderIsReplacedAndTakesNothingWhenItWakes() throws Exception {
        WorkDirs.deleteTree(WORK);
        KubernetesMockServer api = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
                new KubernetesCrudDispatcher(), false);
        api.init();
        // the tenant and the first replica start side by side; the second once the first is up, as before
        try (ServiceProcess tenant = ProcessTenant.launch("lease-tenant", TENANT_PORT, WORK)) {
            Map<String, String> env = ProcessTenant.leaseEnv(WORK, ProcessTenant.url(TENANT_PORT), api.getPort());
            env.put("SKILLSYNC_CLUSTER_KUBERNETES_POD_NAME", "lease-a");
            ServiceProcess a = ServiceProcess.launch("lease-a", 18291, env);
            ServiceProcess b = null;
            try {
                tenant.awaitLive();
                ProcessTenant.seed(tenant, 100);
                a.awaitLive();
                env.put("SKILLSYNC_CLUSTER_KUBERNETES_POD_NAME", "lease-b");
                b = ServiceProcess.start("lease-b", 18292, env);
                for (int n = 1; n <= 3; n++) {
                    drop("before-" + n + ".csv", n);
                }
                await().atMost(Duration.ofSeconds(60)).until(() -> summaries() == 3);
                String active = pickedUpIn("lease-a") > 0 ? "lease-a" : "lease-b";
                String standby = active.equals("lease-a") ? "lease-b" : "lease-a";
                assertEquals(3, pickedUpIn(active), "one replica took every file");
                assertEquals(active, holder(api));
                ServiceProcess leader = active.equals("lease-a") ? a : b;

                leader.freeze();
                long frozen = System.nanoTime();
                for (int n = 1; n <= 3; n++) {
                    drop("frozen-" + n + ".csv", 3 + n);
                }
                await().atMost(Duration.ofSeconds(60)).until(() -> pickedUpIn(standby) > 0);
                double takeover = (System.nanoTime() - frozen) / 1e9;
                await().atMost(Duration.ofSeconds(60)).until(() -> summaries() == 6);
                assertEquals(standby, holder(api));

                leader.thaw();
                long thawed = System.nanoTime();
                await().atMost(Duration.ofSeconds(30)).until(() -> logged(active, "no longer holds the Lease"));
                double steppedDown = (System.nanoTime() - thawed) / 1e9;
                for (int n = 1; n <= 3; n++) {
                    drop("thawed-" + n + ".csv", 6 + n);
                }
                await().atMost(Duration.ofSeconds(60)).until(() -> summaries() == 9);
                System.out.printf("lease replica figures: lease-duration 3 s, renew-deadline 2 s, retry-period 0.5 s;"
                        + " %s took files %.1f s after the leader froze; the thawed leader said it no longer leads"
                        + " %.1f s after waking, having taken nothing%n", standby, takeover, steppedDown);

                assertEquals(3, pickedUpIn(active), "the thawed leader took no file");
                Map<String, Integer> runsPerFile = new HashMap<>();
                for (JsonNode run : Drop.summaries(WORK)) {
                    assertEquals("complete", run.path("result").asText(), run.toString());
                    runsPerFile.merge(run.path("file").asText(), 1, Integer::sum);
                }
                assertEquals(9, runsPerFile.size());
                assertTrue(runsPerFile.values().stream().allMatch(n -> n == 1), "each file exactly once: " + runsPerFile);
                assertEquals(9, ProcessTenant.retention(tenant), "each file's agent has Retention");
            } finally {
                a.close();
                if (b != null) {
                    b.close();
                }
                api.destroy();
            }
        }
    }

    static String holder(KubernetesMockServer api) {
        Lease lease = api.createClient().leases().inNamespace("skillsync").withName("skillsync").get();
        return lease == null ? null : lease.getSpec().getHolderIdentity();
    }

    /** A one-row roster giving agent n Retention, dropped into the inbox in one move. */
    static void drop(String name, int n) throws Exception {
        Inbox.drop(WORK, name, Inbox.besideInbox(WORK, name), Rosters.retentionForPresetAgent(n));
    }

    static long summaries() throws Exception {
        return Drop.summaries(WORK).size();
    }

    static long pickedUpIn(String replica) throws Exception {
        return ServiceProcess.pickedUpIn(replica);
    }

    static boolean logged(String replica, String text) throws Exception {
        return ServiceProcess.logged(replica, text) > 0;
    }
}
