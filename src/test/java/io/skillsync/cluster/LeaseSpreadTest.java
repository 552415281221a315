package io.skillsync.cluster;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.master.MasterComponent;
import org.apache.camel.impl.DefaultCamelContext;
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
        api = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(), new KubernetesCrudDispatcher(), false);
        api.init();
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
        Replica a = replica("pod-a");
        await().atMost(Duration.ofSeconds(10)).until(() -> a.leads() == 3);
        long second = System.nanoTime();
        Replica b = replica("pod-b");
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

    @Test
    void aReplicaThatDiesLeavesItsNamespacesToTheOther() throws Exception {
        Replica a = replica("pod-a");
        Replica b = replica("pod-b");
        await().atMost(Duration.ofSeconds(20)).until(() -> a.leads() >= 1 && b.leads() >= 1 && a.leads() + b.leads() == 3);
        Replica dead = a.leads() >= b.leads() ? a : b;
        Replica survivor = dead == a ? b : a;
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
        Lease lease = api.createClient().leases().inNamespace("skillsync").withName("skillsync-" + namespace).get();
        return lease == null || lease.getSpec() == null ? null : lease.getSpec().getHolderIdentity();
    }

    Replica replica(String name) throws Exception {
        Replica replica = new Replica(name, api.getPort());
        replicas.add(replica);
        return replica;
    }

    static final class Replica implements AutoCloseable {
        final String name;
        final ApiGate gate;
        final KubernetesClient client;
        final LeaseClusterService service;
        final DefaultCamelContext camel = new DefaultCamelContext();
        boolean closed;

        Replica(String name, int apiPort) throws Exception {
            this.name = name;
            this.gate = new ApiGate(apiPort);
            this.client = new KubernetesClientBuilder().withConfig(new ConfigBuilder()
                    .withMasterUrl("http://localhost:" + gate.port()).withNamespace("skillsync")
                    .withConnectionTimeout(300).withRequestTimeout(300).withRequestRetryBackoffLimit(0).build()).build();
            this.service = new LeaseClusterService(client, "skillsync", "skillsync", name, LEASE, RENEW_DEADLINE, RETRY);
            camel.addService(service);
            // the master consumer's tries as the service makes them (LeaseElectionTest says why)
            MasterComponent master = new MasterComponent();
            master.setBackOffDelay(500);
            master.setBackOffMaxAttempts(3);
            camel.addComponent("master", master);
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    for (String unit : UNITS) {
                        from("master:" + unit + ":timer:" + unit + "?period=50").routeId(unit).process(exchange -> { });
                    }
                }
            });
            camel.start();
        }

        /** How many of the namespaces this replica leads now, by the question asked before each write. */
        int leads() {
            return (int) UNITS.stream().filter(service::holdsFreshLease).count();
        }

        /** Dies as far as the others can tell: no request reaches the API server again, nothing is given back. */
        void crash() throws Exception {
            gate.cut();
            close();
        }

        @Override
        public void close() throws Exception {
            if (!closed) {
                closed = true;
                camel.stop();
                client.close();
                gate.close();
            }
        }
    }
}
