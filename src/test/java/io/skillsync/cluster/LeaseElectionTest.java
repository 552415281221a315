package io.skillsync.cluster;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two replicas elect one leader through a Lease on a Kubernetes API server (fabric8's mock server, keeping
 * what it is sent), each in its own Camel context with a {@code master:} route as the service has. A tick
 * of that route stands for taking a file; it counts as acting only when {@link LeaseClusterService#holdsFreshLease()}
 * says so, as InboxGate and BatchWriter ask. Short settings: lease 1.5 s, renew deadline 1 s, retry 0.2 s.
 */
class LeaseElectionTest {

    static final Duration LEASE = Duration.ofMillis(1500);
    static final Duration RENEW_DEADLINE = Duration.ofMillis(1000);
    static final Duration RETRY = Duration.ofMillis(200);

    KubernetesMockServer api;
    final List<Replica> replicas = new CopyOnWriteArrayList<>();

    @BeforeEach
    void apiServer() {
        api = Replica.apiServer();
    }

    @AfterEach
    void stop() throws Exception {
        for (Replica replica : replicas) {
            replica.close();
        }
        api.destroy();
    }

    /** Starts pod-a and pod-b and waits until one of them has acted {@code acts} times: [leader, standby]. */
    TakingReplica[] elected(int acts) throws Exception {
        TakingReplica a = replica("pod-a");
        TakingReplica b = replica("pod-b");
        await().atMost(Duration.ofSeconds(10)).until(() -> a.acts.size() + b.acts.size() >= acts);
        return a.acts.isEmpty() ? new TakingReplica[] { b, a } : new TakingReplica[] { a, b };
    }

    @Test
    void twoReplicasElectOneLeader() throws Exception {
        TakingReplica[] elected = elected(20);
        TakingReplica leader = elected[0];
        TakingReplica standby = elected[1];
        assertTrue(standby.acts.isEmpty(), "only one replica acts");
        assertTrue(standby.ticks.isEmpty(), "the standby's master route never started");
        assertEquals(leader.name, holder());
    }

    @Test
    void aLeaderThatStopsRenewingHandsOverAndStopsActingFirst() throws Exception {
        TakingReplica[] elected = elected(10);
        TakingReplica old = elected[0];
        TakingReplica next = elected[1];

        long cut = System.nanoTime();
        old.gate.cut();
        // the Lease changes hands within the configured time: it expires lease-duration after the last renewal
        // (at most a retry-period before the cut), and the standby takes it at its next try
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20)).until(() -> next.name.equals(holder()));
        double handedOver = (System.nanoTime() - cut) / 1e9;
        await().atMost(Duration.ofSeconds(20)).until(() -> !next.acts.isEmpty());

        long oldLastAct = old.acts.get(old.acts.size() - 1);
        long nextFirstAct = next.acts.get(0);
        assertTrue(oldLastAct < nextFirstAct, "the old leader stopped acting before the new one started");
        assertFalse(old.service.holdsFreshLease());
        System.out.printf("lease figures: lease-duration %.1f s, renew-deadline %.1f s, retry-period %.1f s;"
                + " the cut-off leader stopped acting %.2f s after the cut, the standby took over %.2f s after the cut,"
                + " %.2f s with neither acting; the Lease changed hands %.2f s after the cut%n", LEASE.toMillis() / 1e3,
                RENEW_DEADLINE.toMillis() / 1e3, RETRY.toMillis() / 1e3, (oldLastAct - cut) / 1e9, (nextFirstAct - cut) / 1e9,
                (nextFirstAct - oldLastAct) / 1e9, handedOver);
        double bound = (LEASE.toMillis() + 2 * RETRY.toMillis()) / 1e3 + 1.0;
        assertTrue(handedOver <= bound, "the Lease changed hands " + handedOver + " s after the cut; configured: lease-duration "
                + LEASE + " + retry-period " + RETRY + " (+ 1 s for the machine)");
        // the old leader's route stops too, once its elector has given up (it ticks without acting until then)
        await().atMost(Duration.ofSeconds(10))
                .until(() -> System.nanoTime() - old.ticks.get(old.ticks.size() - 1) > Duration.ofMillis(300).toNanos());
    }

    @Test
    void aLeaderThatShutsDownGivesTheLeaseBack() throws Exception {
        TakingReplica a = replica("pod-a");
        await().atMost(Duration.ofSeconds(10)).until(() -> a.acts.size() >= 5);
        TakingReplica b = replica("pod-b");
        await().during(Duration.ofMillis(600)).atMost(Duration.ofSeconds(2)).until(() -> b.acts.isEmpty());
        a.close();
        long stopped = System.nanoTime();
        await().atMost(Duration.ofSeconds(10)).until(() -> "pod-b".equals(holder()));
        double handedOver = (System.nanoTime() - stopped) / 1e9;
        await().atMost(Duration.ofSeconds(10)).until(() -> !b.acts.isEmpty());
        System.out.printf("lease figures: after a graceful stop the Lease was pod-b's %.2f s later (given back, not left"
                + " to expire: lease-duration %.1f s); pod-b took files %.2f s after the stop%n", handedOver,
                LEASE.toMillis() / 1e3, (b.acts.get(0) - stopped) / 1e9);
        assertTrue(handedOver < LEASE.toMillis() / 1e3, "given back, not expired: " + handedOver);
    }

    String holder() {
        return Replica.holder(api, "skillsync");
    }

    TakingReplica replica(String name) throws Exception {
        TakingReplica replica = new TakingReplica(name, api.getPort());
        replicas.add(replica);
        return replica;
    }

    /**
     * A replica whose {@code master:} route stands for taking files: every tick is kept in {@code ticks}, and in
     * {@code acts} too when the replica holds a fresh Lease (as InboxGate and BatchWriter ask before they act).
     */
    static final class TakingReplica extends Replica {
        final List<Long> ticks = new CopyOnWriteArrayList<>();
        final List<Long> acts = new CopyOnWriteArrayList<>();

        TakingReplica(String name, int apiPort) throws Exception {
            super(name, apiPort, LEASE, RENEW_DEADLINE, RETRY);
            start(new RouteBuilder() {
                @Override
                public void configure() {
                    from("master:skillsync:timer:take?period=20").routeId("take").process(exchange -> {
                        long now = System.nanoTime();
                        ticks.add(now);
                        if (service.holdsFreshLease()) {
                            acts.add(now);
                        }
                    });
                }
            });
        }
    }
}
