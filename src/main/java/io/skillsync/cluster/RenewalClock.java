package io.skillsync.cluster;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaderElectionRecord;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaseLock;

/**
 * One namespace's Lease lock, noting when each renewal of this replica's was sent (by the local monotonic
 * clock), for that namespace alone.
 */
final class RenewalClock extends LeaseLock {

    private final LeaseView view;

    RenewalClock(String namespace, String name, String identity, LeaseView view) {
        super(namespace, name, identity);
        this.view = view;
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
            view.renewed(sent);
        }
    }
}
