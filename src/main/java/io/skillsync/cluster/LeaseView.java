package io.skillsync.cluster;

import java.time.Duration;
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

    Duration leaseDuration() {
        return service.leaseDuration();
    }

    /**
     * Does this replica wait before taking this free Lease? While it leads its fair share, yes, for a
     * lease-duration after it first found the Lease free: a replica below its share (trying every retry period)
     * takes it first; should none do so (the others gone, or standing for other units), this one takes it then.
     */
    boolean holdsBack(long freeSince) {
        return service.atOrAboveShare() && System.nanoTime() - freeSince < service.leaseDuration().toNanos();
    }

    /**
     * Gives this namespace to another replica: this replica leads more than its fair share. First it stops
     * leading (no file, no write from here on; the master consumers are told to stop), then the elector stops
     * renewing, and once Camel has heard, the Lease is given back (holder empty: any standby may take it at its
     * next round). This replica stands again only after {@code pause}, so that the one below its share takes it
     * rather than this one again; if none has by then, this one may (after holding back, being at its share).
     */
    void giveBack(Duration pause) {
        LeaderElector giving = elector;
        CompletableFuture<?> running = election;
        if (!leading || giving == null || running == null) {
            return;
        }
        LOG.infof("This replica (%s) leads more than its share of the namespaces: it gives the Lease %s back", identity,
                lease());
        stopped();
        running.cancel(true);
        // on the announcer's thread, after the announcement just queued: the consumers have stopped before it is free
        announcer.execute(() -> {
            release(giving);
            CompletableFuture.delayedExecutor(pause.toMillis(), TimeUnit.MILLISECONDS).execute(this::stand);
        });
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
