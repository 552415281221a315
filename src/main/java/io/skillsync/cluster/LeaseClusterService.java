package io.skillsync.cluster;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElectionConfigBuilder;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElector;
import org.apache.camel.support.cluster.AbstractCamelClusterService;

/**
 * Which replica takes files, through a Kubernetes Lease, with the Kubernetes client's own leader election
 * (client-go's rules): the holder renews the Lease every retry-period; a standby takes it once it has not
 * been renewed for lease-duration; a holder that could not renew for renew-deadline gives up leading.
 *
 * <p>Why not camel-kubernetes' cluster service: it counts only Ready pods as candidates, and SkillSync's
 * readiness is DOWN after a stopped run (credentials, 403). The leader would lose the Lease for it, the
 * standby would stop on the same cause, and with both pods unready no one would lead again: the file
 * would never be retried. It also needs to list pods; this needs only the Lease.
 *
 * <p>"No window where both write": the replica's own clock decides, not the callbacks. Leading counts only
 * until renew-deadline after the last renewal it sent ({@link #holdsFreshLease()}), which {@link Leadership}
 * asks before taking a file and before every write; a standby can take the Lease only lease-duration after
 * that renewal. A frozen leader (a long GC pause, SIGSTOP) that wakes up therefore takes nothing more.
 *
 * <p>Each namespace's election runs in a {@link LeaseView} with a Lease of its own, and leading counts per
 * namespace: each view's freshness is timed by the renewals of its own Lease ({@link RenewalClock}). With
 * several namespaces (business units), {@link LeaseSpread} spreads their leaders over the replicas.
 */
public class LeaseClusterService extends AbstractCamelClusterService<LeaseView> {

    private final KubernetesClient client;
    private final String kubernetesNamespace;
    private final String leaseName;
    private final String identity;
    private final Duration leaseDuration;
    private final Duration renewDeadline;
    private final Duration retryPeriod;
    /** The views made, by namespace: asked without making one (Camel's getView would make and start it). */
    private final Map<String, LeaseView> views = new ConcurrentHashMap<>();
    private final LeaseSpread spread;
    /** Whether a namespace's run is under way (told by the runs, Leadership#busyWhen); none is, until told. */
    private volatile java.util.function.Predicate<String> busy = namespace -> false;

    public LeaseClusterService(KubernetesClient client, String kubernetesNamespace, String leaseName, String identity,
            Duration leaseDuration, Duration renewDeadline, Duration retryPeriod) {
        this(client, kubernetesNamespace, leaseName, identity, leaseDuration, renewDeadline, retryPeriod, true);
    }

    /** {@code spread}: several namespaces' leaders spread over the replicas ({@link LeaseSpread}), or first come. */
    public LeaseClusterService(KubernetesClient client, String kubernetesNamespace, String leaseName, String identity,
            Duration leaseDuration, Duration renewDeadline, Duration retryPeriod, boolean spread) {
        super(identity);
        if (renewDeadline.compareTo(leaseDuration) >= 0 || retryPeriod.compareTo(renewDeadline) >= 0) {
            throw new IllegalArgumentException("skillsync.cluster.kubernetes: retry-period (" + retryPeriod
                    + ") < renew-deadline (" + renewDeadline + ") < lease-duration (" + leaseDuration
                    + ") is needed, or a standby could take over while the leader still writes");
        }
        this.client = client;
        this.kubernetesNamespace = kubernetesNamespace;
        this.leaseName = leaseName;
        this.identity = identity;
        this.leaseDuration = leaseDuration;
        this.renewDeadline = renewDeadline;
        this.retryPeriod = retryPeriod;
        this.spread = spread ? new LeaseSpread(this, client) : null;
    }

    /** True while this replica leads namespace {@code skillsync} and its last renewal is younger than renew-deadline. */
    public boolean holdsFreshLease() {
        return holdsFreshLease(Leadership.NAMESPACE);
    }

    /**
     * True while this replica leads the namespace and its last renewal of that namespace's Lease is younger
     * than renew-deadline; false for a namespace no route has asked for yet.
     */
    public boolean holdsFreshLease(String namespace) {
        LeaseView view = views.get(namespace);
        return view != null && view.holdsFreshLease();
    }

    public String identity() {
        return identity;
    }

    @Override
    protected LeaseView createView(String namespace) {
        LeaseView view = new LeaseView(this, namespace);
        views.put(namespace, view);
        return view;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        if (spread != null) {
            spread.start();
        }
    }

    @Override
    protected void doStop() throws Exception {
        if (spread != null) {
            spread.stop();
        }
        super.doStop();
    }

    Collection<LeaseView> views() {
        return views.values();
    }

    /** What tells whether a namespace's run is under way: its leadership is then not given away to spread. */
    public void busyWhen(java.util.function.Predicate<String> busy) {
        this.busy = busy;
    }

    boolean busy(String namespace) {
        return busy.test(namespace);
    }

    /**
     * Does this replica lead at least its fair share of the namespaces? Counted now, not at the last spreading
     * round, so that two Leases freed at once are not both taken by a replica below its share a moment ago.
     */
    boolean atOrAboveShare() {
        if (spread == null || views.size() < 2) {
            return false;
        }
        long leading = views.values().stream().filter(LeaseView::leads).count();
        return leading >= spread.share(views.size());
    }

    /** An elector standing for the view's Lease on this replica's behalf; it ends when the Lease is lost. */
    LeaderElector elector(LeaseView view, LeaderCallbacks callbacks) {
        String lease = view.lease();
        var config = new LeaderElectionConfigBuilder()
                .withName(lease)
                .withLock(new RenewalClock(kubernetesNamespace, lease, identity, view))
                .withLeaseDuration(leaseDuration)
                .withRenewDeadline(renewDeadline)
                .withRetryPeriod(retryPeriod)
                .withReleaseOnCancel(false)
                .withLeaderCallbacks(callbacks)
                .build();
        return client.leaderElector().withConfig(config).build();
    }

    String kubernetesNamespace() {
        return kubernetesNamespace;
    }

    String leaseName() {
        return leaseName;
    }

    Duration retryPeriod() {
        return retryPeriod;
    }

    Duration renewDeadline() {
        return renewDeadline;
    }

    Duration leaseDuration() {
        return leaseDuration;
    }
}
