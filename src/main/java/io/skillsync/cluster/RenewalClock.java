package io.skillsync.cluster;

import java.net.HttpURLConnection;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaderElectionRecord;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaseLock;

/**
 * One namespace's Lease lock, noting when each renewal of this replica's was sent (by the local monotonic
 * clock) for that namespace alone. It is also where a replica holds back from taking a free Lease while it
 * already leads its fair share ({@link LeaseView#holdsBack(long)}): the elector's own loop has no such rule,
 * and a refused write is what it retries at its next round (a conflict, logged at debug only).
 */
final class RenewalClock extends LeaseLock {

    private final LeaseView view;
    /** System.nanoTime() at which this replica first found the Lease free to take; meaningless while {@link #free} is false. */
    private long freeSince;
    private boolean free;

    RenewalClock(String namespace, String name, String identity, LeaseView view) {
        super(namespace, name, identity);
        this.view = view;
    }

    @Override
    public synchronized LeaderElectionRecord get(KubernetesClient client) {
        LeaderElectionRecord record = super.get(client);
        String holder = record == null ? null : record.getHolderIdentity();
        boolean heldByAnother = holder != null && !holder.isEmpty() && !holder.equals(identity())
                && record.getRenewTime() != null && record.getRenewTime().plus(view.leaseDuration()).isAfter(ZonedDateTime.now(ZoneOffset.UTC));
        if (heldByAnother) {
            free = false;
        } else if (!free) {
            free = true;
            freeSince = System.nanoTime();
        }
        return record;
    }

    @Override
    public synchronized void create(KubernetesClient client, LeaderElectionRecord record) {
        holdBackIfDue(record);
        long sent = System.nanoTime();
        super.create(client, record);
        noteRenewal(record, sent);
    }

    @Override
    public synchronized void update(KubernetesClient client, LeaderElectionRecord record) {
        holdBackIfDue(record);
        long sent = System.nanoTime();
        super.update(client, record);
        noteRenewal(record, sent);
    }

    /**
     * A take-over (naming this replica while it does not lead the namespace: not a renewal, not a release)
     * refused while the replica holds back.
     */
    private void holdBackIfDue(LeaderElectionRecord record) {
        if (identity().equals(record.getHolderIdentity()) && !view.leads() && free && view.holdsBack(freeSince)) {
            throw new KubernetesClientException("holding back from the free Lease " + view.lease()
                    + ": this replica leads its fair share", HttpURLConnection.HTTP_CONFLICT, null);
        }
    }

    private void noteRenewal(LeaderElectionRecord record, long sent) {
        if (identity().equals(record.getHolderIdentity())) {
            view.renewed(sent);
        }
    }
}
