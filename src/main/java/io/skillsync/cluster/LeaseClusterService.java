package io.skillsync.cluster;

import java.time.Duration;

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
 * <p>Each namespace's election runs in a {@link LeaseView}; the renewals are timed by {@link RenewalClock}.
 */
public class LeaseClusterService extends AbstractCamelClusterService<LeaseView> {

    private final KubernetesClient client;
    private final String kubernetesNamespace;
    private final String leaseName;
    private final String identity;
    private final Duration leaseDuration;
    private final Duration renewDeadline;
    private final Duration retryPeriod;

    private volatile boolean leading;
    /** System.nanoTime() until which the last renewal this replica sent makes it the leader. */
    private volatile long freshUntil;

    public LeaseClusterService(KubernetesClient client, String kubernetesNamespace, String leaseName, String identity,
            Duration leaseDuration, Duration renewDeadline, Duration retryPeriod) {
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
    }

    /** True while this replica leads and its last renewal is younger than renew-deadline. */
    public boolean holdsFreshLease() {
        return leading && System.nanoTime() - freshUntil < 0;
    }

    public String identity() {
        return identity;
    }

    @Override
    protected LeaseView createView(String namespace) {
        return new LeaseView(this, namespace);
    }

    /** An elector standing for the given Lease on this replica's behalf; it ends when the Lease is lost. */
    LeaderElector elector(String lease, LeaderCallbacks callbacks) {
        var config = new LeaderElectionConfigBuilder()
                .withName(lease)
                .withLock(new RenewalClock(kubernetesNamespace, lease, identity, this))
                .withLeaseDuration(leaseDuration)
                .withRenewDeadline(renewDeadline)
                .withRetryPeriod(retryPeriod)
                .withReleaseOnCancel(false)
                .withLeaderCallbacks(callbacks)
                .build();
        return client.leaderElector().withConfig(config).build();
    }

    /** A renewal of this replica's, sent at {@code sent} (System.nanoTime()), went through. */
    void renewed(long sent) {
        freshUntil = sent + renewDeadline.toNanos();
    }

    boolean leading() {
        return leading;
    }

    void leading(boolean leading) {
        this.leading = leading;
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
}
