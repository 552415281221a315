package io.skillsync.cluster;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElectionConfigBuilder;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElector;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaderElectionRecord;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaseLock;
import org.apache.camel.cluster.CamelClusterMember;
import org.apache.camel.support.cluster.AbstractCamelClusterService;
import org.apache.camel.support.cluster.AbstractCamelClusterView;
import org.jboss.logging.Logger;

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
 */
public class LeaseClusterService extends AbstractCamelClusterService<LeaseClusterService.LeaseView> {

    private static final Logger LOG = Logger.getLogger(LeaseClusterService.class);

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
        return new LeaseView(namespace);
    }

    /** One Camel cluster namespace ({@code master:skillsync:...}): one Lease. */
    public final class LeaseView extends AbstractCamelClusterView {

        private final Member local = new Member(identity);
        private volatile String leader;
        private volatile CompletableFuture<?> election;
        private volatile LeaderElector elector;
        /**
         * Camel hears of leadership on a thread of its own: the master consumer starts or stops the route in
         * the listener, and the elector's thread must stay free to renew the Lease meanwhile.
         */
        private final ExecutorService announcer = Executors.newSingleThreadExecutor(work -> {
            Thread thread = new Thread(work, "skillsync-lease-" + identity);
            thread.setDaemon(true);
            return thread;
        });

        LeaseView(String namespace) {
            super(LeaseClusterService.this, namespace);
        }

        @Override
        public Optional<CamelClusterMember> getLeader() {
            String current = leader;
            return current == null ? Optional.empty() : Optional.of(current.equals(identity) ? local : new Member(current));
        }

        @Override
        public CamelClusterMember getLocalMember() {
            return local;
        }

        @Override
        public List<CamelClusterMember> getMembers() {
            String current = leader;
            return current == null || current.equals(identity) ? List.of(local) : List.of(local, new Member(current));
        }

        @Override
        protected void doStart() {
            stand();
        }

        @Override
        protected void doStop() {
            boolean held = leading;
            stopped();
            CompletableFuture<?> running = election;
            if (running != null) {
                running.cancel(true);
            }
            LeaderElector elector = this.elector;
            if (held && elector != null) {
                // given back before the service goes on stopping (and its client closes): the standby takes
                // over within a retry period instead of waiting for the Lease to expire
                try {
                    elector.release();
                } catch (RuntimeException e) {
                    LOG.warnf("Could not give the Lease back (%s): the standby takes over when it expires", e.getMessage());
                }
            }
            announcer.shutdown();
        }

        /** Stands for election; after losing the Lease (the elector then ends), stands again. */
        private void stand() {
            if (!isRunAllowed()) {
                return;
            }
            String lease = "skillsync".equals(getNamespace()) ? leaseName : leaseName + "-" + getNamespace();
            var config = new LeaderElectionConfigBuilder()
                    .withName(lease)
                    .withLock(new RenewalClock(kubernetesNamespace, lease, identity))
                    .withLeaseDuration(leaseDuration)
                    .withRenewDeadline(renewDeadline)
                    .withRetryPeriod(retryPeriod)
                    .withReleaseOnCancel(false)
                    .withLeaderCallbacks(new LeaderCallbacks(this::started, this::stopped, this::observed))
                    .build();
            LeaderElector standing = client.leaderElector().withConfig(config).build();
            elector = standing;
            CompletableFuture<?> running = standing.start();
            election = running;
            running.whenComplete((done, failure) -> {
                if (isRunAllowed() && !running.isCancelled()) {
                    CompletableFuture.delayedExecutor(retryPeriod.toMillis(), TimeUnit.MILLISECONDS).execute(this::stand);
                }
            });
        }

        private void started() {
            leading = true;
            leader = identity;
            LOG.infof("This replica (%s) holds the Lease %s/%s: it takes files", identity, kubernetesNamespace, leaseName);
            announce(Optional.of(local));
        }

        private void stopped() {
            if (leading) {
                LOG.infof("This replica (%s) no longer holds the Lease: it takes no file and sends no write", identity);
            }
            leading = false;
            if (identity.equals(leader)) {
                leader = null;
            }
            announce(Optional.empty());
        }

        private void observed(String holder) {
            if (holder != null && !holder.isBlank() && !holder.equals(identity)) {
                leader = holder;
                LOG.infof("The Lease is held by %s; this replica (%s) stands by", holder, identity);
                announce(Optional.of(new Member(holder)));
            }
        }

        private void announce(Optional<CamelClusterMember> holder) {
            if (!announcer.isShutdown()) {
                announcer.execute(() -> fireLeadershipChangedEvent(holder));
            } else {
                fireLeadershipChangedEvent(holder);
            }
        }

        private final class Member implements CamelClusterMember {
            private final String id;

            Member(String id) {
                this.id = id;
            }

            @Override
            public boolean isLeader() {
                return id.equals(identity) ? leading : id.equals(leader);
            }

            @Override
            public boolean isLocal() {
                return id.equals(identity);
            }

            @Override
            public String getId() {
                return id;
            }
        }
    }

    /** The Lease lock, noting when each renewal of this replica's was sent (by the local monotonic clock). */
    private final class RenewalClock extends LeaseLock {

        RenewalClock(String namespace, String name, String identity) {
            super(namespace, name, identity);
        }

        @Override
        public synchronized void create(KubernetesClient client, LeaderElectionRecord record) {
            long sent = System.nanoTime();
            super.create(client, record);
            noteRenewal(record, sent);
        }

        @Override
        public synchronized void update(KubernetesClient client, LeaderElectionRecord record) {
            long sent = System.nanoTime();
            super.update(client, record);
            noteRenewal(record, sent);
        }

        private void noteRenewal(LeaderElectionRecord record, long sent) {
            if (identity().equals(record.getHolderIdentity())) {
                freshUntil = sent + renewDeadline.toNanos();
            }
        }
    }
}
