package io.skillsync.cluster;

import java.time.Duration;
import java.util.HashMap;

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

/**
 * One simulated replica for the plain cluster tests (LeaseElectionTest, LeaseSpreadTest): its own path to fabric8's
 * mock API server (an {@link ApiGate} the test can cut), its own Kubernetes client, a {@link LeaseClusterService}
 * electing through Leases in namespace {@code skillsync} and its own Camel context. The {@code master:} routes are the
 * test's: a subclass keeps what its routes record and calls {@link #start(RouteBuilder)} last in its constructor, once
 * its own fields are set.
 */
abstract class Replica implements AutoCloseable {

    final String name;
    final ApiGate gate;
    final KubernetesClient client;
    final LeaseClusterService service;
    final DefaultCamelContext camel = new DefaultCamelContext();
    private boolean closed;

    Replica(String name, int apiPort, Duration lease, Duration renewDeadline, Duration retry) throws Exception {
        this.name = name;
        this.gate = new ApiGate(apiPort);
        this.client = new KubernetesClientBuilder().withConfig(new ConfigBuilder()
                .withMasterUrl("http://localhost:" + gate.port()).withNamespace("skillsync")
                .withConnectionTimeout(300).withRequestTimeout(300).withRequestRetryBackoffLimit(0).build()).build();
        this.service = new LeaseClusterService(client, "skillsync", "skillsync", name, lease, renewDeadline, retry);
        camel.addService(service);
    }

    /** Adds the {@code master} component and {@code routes} and starts the Camel context. */
    final void start(RouteBuilder routes) throws Exception {
        // the master consumer's tries as the service makes them (application.properties: 500 ms apart, 3 of them),
        // not Camel's 5 s apart, 10: a stopping leader's context waited for the next try, seconds at each close
        MasterComponent master = new MasterComponent();
        master.setBackOffDelay(500);
        master.setBackOffMaxAttempts(3);
        camel.addComponent("master", master);
        camel.addRoutes(routes);
        camel.start();
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

    /** fabric8's mock API server, keeping what it is sent (CRUD), started. */
    static KubernetesMockServer apiServer() {
        KubernetesMockServer api = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
                new KubernetesCrudDispatcher(), false);
        api.init();
        return api;
    }

    /** Who holds the Lease {@code leaseName} in namespace {@code skillsync}, as the API server has it (null: nobody). */
    static String holder(KubernetesMockServer api, String leaseName) {
        Lease lease = api.createClient().leases().inNamespace("skillsync").withName(leaseName).get();
        return lease == null || lease.getSpec() == null ? null : lease.getSpec().getHolderIdentity();
    }
}
