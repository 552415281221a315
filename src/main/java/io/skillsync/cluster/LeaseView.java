package io.skillsync.cluster;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElector;
import org.apache.camel.cluster.CamelClusterMember;
import org.apache.camel.support.cluster.AbstractCamelClusterView;
import org.jboss.logging.Logger;

/**
 * One Camel cluster namespace ({@code master:skillsync:...}) of a {@link LeaseClusterService}: one Lease,
 * stood for while the view runs, its holder told to Camel as the leader.
 */
public final class LeaseView extends AbstractCamelClusterView {

    private static final Logger LOG = Logger.getLogger(LeaseView.class);

    private final LeaseClusterService service;
    private final String identity;
    private final Member local;
    private volatile String leader;
    /** Whether this replica leads this namespace: set by the elector's callbacks, cleared first when giving back. */
    private volatile boolean leading;
    /** System.nanoTime() until which the last renewal of THIS Lease that this replica sent makes it the leader. */
    private volatile long freshUntil;
    private volatile CompletableFuture<?> election;
    private volatile LeaderElector elector;
    /**
     * Camel hears of leadership on a thread of its own: the master consumer starts or stops the route in
     * the listener, and the elector's thread must stay free to renew the Lease meanwhile.
     */
    private final ExecutorService announcer;

    LeaseView(LeaseClusterService service, String namespace) {
        super(service, namespace);
        this.service = service;
        this.identity = service.identity();
        this.local = new Member(identity);
        this.announcer = Executors.newSingleThreadExecutor(work -> {
            Thread thread = new Thread(work, "skillsync-lease-" + identity);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** True while this replica leads this namespace and its last renewal of the Lease is younger than renew-deadline. */
    boolean holdsFreshLease() {
        return leading && System.nanoTime() - freshUntil < 0;
    }

    boolean leads() {
        return leading;
    }

    /** The holder of this namespace's Lease as last seen (this replica's identity while it leads). */
    Optional<String> holder() {
        return Optional.ofNullable(leader).filter(h -> !h.isBlank());
    }

    /** A renewal of this namespace's Lease, sent at {@code sent} (System.nanoTime()), went through. */
    void renewed(long sent) {
        freshUntil = sent + service.renewDeadline().toNanos();
    }

    /** The Lease of this namespace: the lease name for {@code skillsync} (as before units), else suffixed. */
    String lease() {
        return Leadership.NAMESPACE.equals(getNamespace()) ? service.leaseName() : service.leaseName() + "-" + getNamespace();
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
            release(elector);
        }
        announcer.shutdown();
    }

    private void release(LeaderElector giving) {
        try {
            giving.release();
        } catch (RuntimeException e) {
            LOG.warnf("Could not give the Lease %s back (%s): another replica takes it when it expires", lease(),
                    e.getMessage());
        }
    }

    /** Stands for election; after losing the Lease (the elector then ends), stands again. */
    private void stand() {
        if (!isRunAllowed()) {
            return;
        }
        LeaderElector standing = service.elector(this, new LeaderCallbacks(this::started, this::stopped, this::observed));
        elector = standing;
        CompletableFuture<?> running = standing.start();
        election = running;
        running.whenComplete((done, failure) -> {
            if (isRunAllowed() && !running.isCancelled()) {
                CompletableFuture.delayedExecutor(service.retryPeriod().toMillis(), TimeUnit.MILLISECONDS)
                        .execute(this::stand);
            }
        });
    }

    private void started() {
        leading = true;
        leader = identity;
        LOG.infof("This replica (%s) holds the Lease %s/%s: it takes files", identity, service.kubernetesNamespace(), lease());
        announce(Optional.of(local));
    }

    private void stopped() {
        if (leading) {
            LOG.infof("This replica (%s) no longer holds the Lease %s: it takes no file and sends no write", identity, lease());
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
