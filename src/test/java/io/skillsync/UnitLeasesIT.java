package io.skillsync;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

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
 * Two replicas of the packaged service share three business units (operations.md, "Several business units"),
 * each unit with its own Lease on a Kubernetes API server (fabric8's mock server, in this JVM): the leaders
 * spread, so each replica takes some units' files; each file runs once, by its unit's leader. When one replica
 * stops, the other takes its units over; the handover is measured and printed.
 */
class UnitLeasesIT {

    static final Path WORK = Path.of("target/unit-leases");
    static final int TENANT_PORT = 18295;
    static final List<String> UNITS = List.of("east", "west", "north");

    @Test
    void threeUnitsSpreadOverTwoReplicasAndMoveWhenOneStops() throws Exception {
        WorkDirs.deleteTree(WORK);
        KubernetesMockServer api = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
                new KubernetesCrudDispatcher(), false);
        api.init();
        try (ServiceProcess tenant = ProcessTenant.launch("units-tenant", TENANT_PORT, WORK)) {
            Map<String, String> env = ProcessTenant.leaseEnv(WORK, ProcessTenant.url(TENANT_PORT), api.getPort());
            env.put("SKILLSYNC_UNITS", String.join(",", UNITS));
            // a unit's own keys from the environment, as a Kubernetes Secret and ConfigMap give them
            env.put("SKILLSYNC_UNIT_NORTH_CXONE_CLIENT_SECRET", "dev-client-secret");
            env.put("SKILLSYNC_UNIT_NORTH_CXONE_REQUESTS_PER_MINUTE", "300");
            env.put("SKILLSYNC_CLUSTER_KUBERNETES_POD_NAME", "units-a");
            ServiceProcess a = ServiceProcess.launch("units-a", 18296, env);
            ServiceProcess b = null;
            try {
                tenant.awaitLive();
                ProcessTenant.seed(tenant, 100);
                a.awaitLive();
                env.put("SKILLSYNC_CLUSTER_KUBERNETES_POD_NAME", "units-b");
                b = ServiceProcess.start("units-b", 18297, env);
                long bStarted = System.nanoTime();
                await().atMost(Duration.ofSeconds(60)).until(() -> Set.copyOf(holders(api).values()).equals(Set.of("units-a", "units-b")));
                double spread = (System.nanoTime() - bStarted) / 1e9;
                Map<String, String> before = holders(api);

                int agent = 1;
                for (String unit : UNITS) {
                    drop(unit, "spread-" + unit + ".csv", agent++);
                }
                await().atMost(Duration.ofSeconds(60)).until(() -> runs() == 3);
                for (String unit : UNITS) {
                    assertEquals(1, ServiceProcess.logged(before.get(unit), "spread-" + unit + ".csv picked up"),
                            unit + "'s file was taken by its leader " + before.get(unit) + " " + before);
                }

                // the replica leading two units stops; the other takes every unit over
                String stopping = before.values().stream().collect(Collectors.groupingBy(h -> h, Collectors.counting()))
                        .entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
                String staying = stopping.equals("units-a") ? "units-b" : "units-a";
                ServiceProcess gone = stopping.equals("units-a") ? a : b;
                long stopped = System.nanoTime();
                gone.kill();
                await().atMost(Duration.ofSeconds(60)).until(() -> Set.copyOf(holders(api).values()).equals(Set.of(staying)));
                double handover = (System.nanoTime() - stopped) / 1e9;
                for (String unit : UNITS) {
                    drop(unit, "after-" + unit + ".csv", agent++);
                }
                await().atMost(Duration.ofSeconds(60)).until(() -> runs() == 6);
                for (String unit : UNITS) {
                    assertEquals(1, ServiceProcess.logged(staying, "after-" + unit + ".csv picked up"), unit);
                }
                System.out.printf("unit lease figures: 3 units, 2 replicas, lease-duration 3 s, renew-deadline 2 s, retry-period"
                        + " 0.5 s; leaders spread %s %.1f s after the second replica was live; %s killed: %s led every unit"
                        + " %.1f s later%n", before, spread, stopping, staying, handover);

                Map<String, Integer> runsPerFile = new TreeMap<>();
                for (String unit : UNITS) {
                    for (JsonNode run : Drop.summaries(WORK.resolve(unit))) {
                        assertEquals("complete", run.path("result").asText(), run.toString());
                        runsPerFile.merge(unit + "/" + run.path("file").asText(), 1, Integer::sum);
                    }
                }
                assertEquals(6, runsPerFile.size(), runsPerFile.toString());
                assertTrue(runsPerFile.values().stream().allMatch(n -> n == 1), "each file exactly once: " + runsPerFile);
            } finally {
                a.close();
                if (b != null) {
                    b.close();
                }
                api.destroy();
            }
        }
    }

    /** Each unit's Lease holder, by unit. */
    static Map<String, String> holders(KubernetesMockServer api) {
        Map<String, String> holders = new TreeMap<>();
        for (String unit : UNITS) {
            Lease lease = api.createClient().leases().inNamespace("skillsync").withName("skillsync-skillsync-" + unit).get();
            if (lease != null && lease.getSpec().getHolderIdentity() != null && !lease.getSpec().getHolderIdentity().isEmpty()) {
                holders.put(unit, lease.getSpec().getHolderIdentity());
            }
        }
        return holders.size() == UNITS.size() ? holders : Map.of();
    }

    static void drop(String unit, String name, int agent) throws Exception {
        Path work = WORK.resolve(unit);
        Inbox.drop(work, name, Inbox.besideInbox(work, name), Rosters.retentionForPresetAgent(agent));
    }

    static long runs() throws Exception {
        long all = 0;
        for (String unit : UNITS) {
            all += Drop.summaries(WORK.resolve(unit)).size();
        }
        return all;
    }
}
