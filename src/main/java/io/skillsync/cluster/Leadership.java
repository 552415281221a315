package io.skillsync.cluster;

import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.cluster.CamelClusterService;
import org.apache.camel.component.file.cluster.FileLockClusterService;

import io.skillsync.config.ClusterSettings;
import io.skillsync.config.SkillSyncConfig;
import io.skillsync.config.Unit;
import io.skillsync.config.Units;

/**
 * Which replica of several takes files (the {@code master:} endpoints of the routes), chosen by
 * {@code skillsync.cluster.service}: a Kubernetes Lease, a lock file on the shared work dir, or none (one
 * process). Made here rather than by the extensions' build-time settings, because the work dir and the
 * pod's identity are known only at run time. Also the question asked before taking a file and before
 * every write: does this replica still lead? Asked per cluster namespace ({@code skillsync} for the single
 * unit, {@code skillsync-<unit>} for a named one): each has its own Lease or lock file, and may be led by
 * another replica.
 */
@ApplicationScoped
public class Leadership {

    /** The cluster namespace of the routes' {@code master:skillsync:...} endpoints. */
    static final String NAMESPACE = "skillsync";

    private final SkillSyncConfig config;
    private final Instance<KubernetesClient> kubernetes;
    private volatile CamelClusterService service;
    private volatile java.util.function.Predicate<String> busy = namespace -> false;
    /**
     * The namespaces whose lock file is held, as last asked. Camel's file cluster view answers isLeader under
     * the lock it holds while the master consumers start (seconds at start-up or takeover): asked from here,
     * readiness and the metric scrape would hang that long; a daemon asks instead, twice a second, of each
     * namespace that has a view (one no route has asked for yet is not held).
     */
    private final Set<String> heldLockFiles = ConcurrentHashMap.newKeySet();
    private java.util.concurrent.ScheduledExecutorService lockFileWatch;

    Leadership(Units units, Instance<KubernetesClient> kubernetes, MeterRegistry metrics) {
        // one cluster for the process: its settings and lock folder are the top level's, not a unit's
        this.config = units.top();
        this.kubernetes = kubernetes;
        // 1 on the replica that takes the unit's files: the dashboard shows which pod works, an alert when none does
        for (Unit unit : units.all()) {
            Gauge.builder("skillsync.cluster.leader", this, l -> l.leads(unit.clusterNamespace()) ? 1 : 0)
                    .tags(Units.tags(unit)).register(metrics);
        }
    }

    @Produces
    @Singleton
    CamelClusterService clusterService() {
        service = choose();
        if (service instanceof LeaseClusterService lease) {
            lease.busyWhen(namespace -> busy.test(namespace));
        }
        if (service instanceof FileLockClusterService lockFile) {
            lockFileWatch = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(task -> {
                Thread thread = new Thread(task, "skillsync-lock-file-watch");
                thread.setDaemon(true);
                return thread;
            });
            lockFileWatch.scheduleWithFixedDelay(() -> watch(lockFile), 500, 500, TimeUnit.MILLISECONDS);
        }
        return service;
    }

    private void watch(FileLockClusterService lockFile) {
        try {
            Set<String> namespaces = Set.copyOf(lockFile.getNamespaces());
            heldLockFiles.retainAll(namespaces);
            for (String namespace : namespaces) {
                // isLeader asks only a view that exists (it makes none)
                if (lockFile.isLeader(namespace)) {
                    heldLockFiles.add(namespace);
                } else {
                    heldLockFiles.remove(namespace);
                }
            }
        } catch (RuntimeException notStartedYet) {
            // before Camel has started the service there is no view to ask: not the leader yet
            heldLockFiles.clear();
        }
    }

    @jakarta.annotation.PreDestroy
    void stopWatching() {
        if (lockFileWatch != null) {
            lockFileWatch.shutdownNow();
        }
    }

    private CamelClusterService choose() {
        ClusterSettings cluster = config.cluster();
        switch (cluster.service()) {
            case kubernetes -> {
                ClusterSettings.Kubernetes settings = cluster.kubernetes();
                KubernetesClient client = kubernetes.get();
                String identity = settings.podName().filter(n -> !n.isBlank())
                        .orElseGet(() -> System.getenv().getOrDefault("HOSTNAME", "skillsync-" + ProcessHandle.current().pid()));
                String namespace = settings.namespace().filter(n -> !n.isBlank()).orElseGet(client::getNamespace);
                return new LeaseClusterService(client, namespace, settings.leaseName(), identity,
                        settings.leaseDuration(), settings.renewDeadline(), settings.retryPeriod(), settings.spread());
            }
            case none -> {
                return new SoloClusterService();
            }
            default -> {
                // the operating system frees a dead process's lock: a standby takes over within one acquire-lock-interval
                FileLockClusterService lockFile = new FileLockClusterService();
                lockFile.setId("skillsync-" + ProcessHandle.current().pid());
                lockFile.setRoot(Path.of(config.workDir(), ".cluster").toString());
                lockFile.setAcquireLockDelay(100, TimeUnit.MILLISECONDS);
                lockFile.setAcquireLockInterval(cluster.acquireLockInterval(), TimeUnit.MILLISECONDS);
                return lockFile;
            }
        }
    }

    /** Does this replica lead now (it takes files)? For readiness and the metric; false before the service started. */
    public boolean leads() {
        return leads(Units.now().clusterNamespace());
    }

    /** Does this replica lead the cluster namespace now? False before the service started or a route asked for it. */
    public boolean leads(String namespace) {
        CamelClusterService current = service;
        if (current instanceof LeaseClusterService leaseService) {
            return leaseService.holdsFreshLease(namespace);
        }
        if (current instanceof FileLockClusterService) {
            return heldLockFiles.contains(namespace);
        }
        return current != null && current.isLeader(namespace);
    }

    /**
     * What tells whether a cluster namespace's run is under way (RunStatus tells it): a Lease spreading over the
     * replicas is not given away while its unit's run is under way.
     */
    public void busyWhen(java.util.function.Predicate<String> busy) {
        // the Lease service asks through this field (clusterService), whenever it was made
        this.busy = busy;
    }

    /** The cluster service chosen: kubernetes, file or none. */
    public String kind() {
        return config.cluster().service().name();
    }

    /**
     * May this replica take a file or send a write now? With a Lease, only while its last renewal is
     * younger than renew-deadline; a lock file is held by the process until it dies; one process always may.
     */
    public boolean held() {
        return held(Units.now().clusterNamespace());
    }

    /**
     * May this replica take a file or send a write for the cluster namespace now? With a Lease, only while
     * its last renewal of that namespace's Lease is younger than renew-deadline. A lock file, as {@link #held()}:
     * it cannot lapse while the process lives, and only a holder's master routes run.
     */
    public boolean held(String namespace) {
        if (service instanceof LeaseClusterService lease) {
            return lease.holdsFreshLease(namespace);
        }
        // with a Lease configured, nothing is held before the cluster service exists
        return config.cluster().service() != ClusterSettings.ClusterServiceKind.kubernetes;
    }
}
