package io.skillsync.cluster;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Three units' cluster namespaces on two replicas (each its own Camel context with a {@code master:} route per
 * namespace, as the units' routes will have), electing through Leases on fabric8's mock API server: the leaders
 * spread (2 + 1) rather than the replica started first keeping all three, a namespace is never led by both at
 * once (sampled every few milliseconds), and a replica that dies leaves its namespaces to the other within
 * lease-duration and a little. Short settings: lease 3 s, renew deadline 2 s, retry 0.3 s.
 */
class LeaseSpreadTest {

    static final Duration LEASE = Duration.ofSeconds(3);
    static final Duration RENEW_DEADLINE = Duration.ofSeconds(2);
    static final Duration RETRY = Duration.ofMillis(300);
    static final List<String> UNITS = List.of("skillsync-east", "skillsync-west", "skillsync-north");

    KubernetesMockServer api;
    final List<Replica> replicas = new CopyOnWriteArrayList<>();
    final List<String> bothLed = new CopyOnWriteArrayList<>();
    ScheduledExecutorService sampler;

    @BeforeEach
    void apiServer() {
        api = Replica.apiServer();
        // never two leaders of one namespace: every 5 ms, by what each replica would answer before a write
        sampler = Executors.newSingleThreadScheduledExecutor();
        sampler.scheduleAtFixedRate(() -> {
            for (String unit : UNITS) {
                if (replicas.stream().filter(r -> r.service.holdsFreshLease(unit)).count() > 1) {
                    bothLed.add(unit + " at " + System.nanoTime());
                }
            }
        }, 0, 5, TimeUnit.MILLISECONDS);
    }

    @AfterEach
    void stop() throws Exception {
        sampler.shutdownNow();
        for (Replica replica : replicas) {
            replica.close();
        }
        api.destroy();
    }

    @Test
    void twoReplicasShareThreeNamespacesAndNeverLeadOneTogether() throws Exception {
        UnitsReplica a = replica("pod-a");
        await().atMost(Duration.ofSeconds(10)).until(() -> a.leads() == 3);
        long second = System.nanoTime();
        UnitsReplica b = replica("pod-b");
        await().atMost(Duration.ofSeconds(20)).until(() -> a.leads() >= 1 && b.leads() >= 1 && a.leads() + b.leads() == 3);
        System.out.printf("lease spread figures: lease-duration %.1f s, renew-deadline %.1f s, retry-period %.1f s;"
                + " the second replica led %d of 3 namespaces %d ms after it started%n", LEASE.toMillis() / 1e3,
                RENEW_DEADLINE.toMillis() / 1e3, RETRY.toMillis() / 1e3, b.leads(), (System.nanoTime() - second) / 1_000_000);
        // and it stays spread: no Lease goes back and forth (a give-back would leave a namespace unled a moment)
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
                .until(() -> a.leads() >= 1 && b.leads() >= 1 && a.leads() + b.leads() == 3);
        for (String unit : UNITS) {
            String holder = holder(unit);
            assertTrue((holder.equals("pod-a") ? a : b).service.holdsFreshLease(unit), unit + " held by " + holder);
        }
        assertEquals(List.of(), bothLed, "a namespace was led by both replicas at once");

        // a graceful stop removes the replica's mark at once and gives its Leases back
        b.close();
        Lease members = api.createClient().leases().inNamespace("skillsync").withName("skillsync-members").get();
        // (the mock server keeps a key a merge patch set to null, with no value; the API server drops it)
        assertEquals(null, members.getMetadata().getAnnotations().get(LeaseSpread.MEMBER + "pod-b"));
        assertTrue(members.getMetadata().getAnnotations().get(LeaseSpread.MEMBER + "pod-a") != null);
        await().atMost(LEASE.plus(Duration.ofSeconds(10))).until(() -> a.leads() == 3);
        assertEquals(List.of(), bothLed, "a namespace was led by both replicas at once");
    }

    /**
     * A namespace whose run is under way is not given away to spread the leaders (the run would stop at its next
     * write): the replica gives another back. Before, the last namespace was given back, busy or not.
     */
    @Test
    void aNamespaceWhoseRunIsUnderWayStaysWithItsLeader() throws Exception {
        UnitsReplica a = replica("pod-a");
        await().atMost(Duration.ofSeconds(10)).until(() -> a.leads() == 3);
        // skillsync-west, last by name, is the one a replica over its share would give back first
        a.service.busyWhen(namespace -> namespace.equals("skillsync-west"));
        List<String> westLost = new CopyOnWriteArrayList<>();
        ScheduledExecutorService watch = Executors.newSingleThreadScheduledExecutor();
        watch.scheduleAtFixedRate(() -> {
            if (!a.service.holdsFreshLease("skillsync-west")) {
                westLost.add("at " + System.nanoTime());
            }
        }, 0, 5, TimeUnit.MILLISECONDS);
        try {
            UnitsReplica b = replica("pod-b");
            await().atMost(Duration.ofSeconds(20)).until(() -> b.leads() >= 1 && a.leads() + b.leads() == 3);
            assertFalse(b.service.holdsFreshLease("skillsync-west"), "the busy namespace stayed with its leader");
            assertEquals(List.of(), westLost, "pod-a never stopped leading the busy namespace");
        } finally {
            watch.shutdownNow();
        }
    }

    @Test
    void aReplicaThatDiesLeavesItsNamespacesToTheOther() throws Exception {
        UnitsReplica a = replica("pod-a");
        UnitsReplica b = replica("pod-b");
        await().atMost(Duration.ofSeconds(20)).until(() -> a.leads() >= 1 && b.leads() >= 1 && a.leads() + b.leads() == 3);
        UnitsReplica dead = a.leads() >= b.leads() ? a : b;
        UnitsReplica survivor = dead == a ? b : a;
        int deadLed = dead.leads();

        long crash = System.nanoTime();
        dead.crash();
        await().atMost(LEASE.plus(Duration.ofSeconds(10))).pollInterval(Duration.ofMillis(10)).until(() -> survivor.leads() == 3);
        long handover = (System.nanoTime() - crash) / 1_000_000;
        System.out.printf("lease spread figures: lease-duration %d ms, renew-deadline %d ms, retry-period %d ms; %s died"
                + " leading %d of 3 namespaces, %s led all three %d ms later%n", LEASE.toMillis(), RENEW_DEADLINE.toMillis(),
                RETRY.toMillis(), dead.name, deadLed, survivor.name, handover);
        assertEquals(List.of(), bothLed, "a namespace was led by both replicas at once");
        for (String unit : UNITS) {
            assertEquals(survivor.name, holder(unit));
        }
    }

    String holder(String namespace) {
        return Replica.holder(api, "skillsync-" + namespace);
    }

    UnitsReplica replica(String name) throws Exception {
        UnitsReplica replica = new UnitsReplica(name, api.getPort());
        replicas.add(replica);
        return replica;
    }

    /** A replica with a {@code master:} route per unit's namespace, as the units' routes will have. */
    static final class UnitsReplica extends Replica {

        UnitsReplica(String name, int apiPort) throws Exception {
            super(name, apiPort, LEASE, RENEW_DEADLINE, RETRY);
            start(new RouteBuilder() {
                @Override
                public void configure() {
                    for (String unit : UNITS) {
                        from("master:" + unit + ":timer:" + unit + "?period=50").routeId(unit).process(exchange -> { });
                    }
                }
            });
        }

        /** How many of the namespaces this replica leads now, by the question asked before each write. */
        int leads() {
            return (int) UNITS.stream().filter(service::holdsFreshLease).count();
        }
    }
}
