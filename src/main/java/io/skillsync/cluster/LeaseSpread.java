package io.skillsync.cluster;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import org.jboss.logging.Logger;

/**
 * Spreads the leaders of several namespaces (one per business unit) over the replicas. Without it the
 * replica started first takes every Lease while alone and keeps them all for ever (each elector only renews),
 * so one pod would do all the units' work and the others none.
 *
 * <p>Kubernetes objects only, and only what the Role already grants (get, create, patch on leases; no list,
 * no pods): one Lease, {@code <lease-name>-members}, holds an annotation per replica,
 * {@code members.skillsync.io/<identity>} = the time of its last mark, renewed every retry-period by a JSON
 * merge patch that touches that key alone (so replicas never conflict). Members are the marks younger than
 * lease-duration: a crashed replica stops counting when its namespace Leases expire too; one that stops
 * gracefully removes its mark at once. Marks older than four lease-durations are removed by whoever sees them.
 *
 * <p>Each round, fair share = ceil(namespaces / members). A replica leading more gives one Lease back
 * ({@link LeaseView#giveBack}: it stops leading first, then releases, then stands again only after a
 * lease-duration); a replica at or above its share holds back from a free Lease for a lease-duration
 * ({@link LeaseView#holdsBack}), so the replica below its share takes it. When a replica dies its Leases expire
 * and the others take them as before: within lease-duration (+ a retry period or two), since the dead
 * replica's mark expires at about the same time and the survivors' share grows with it.
 *
 * <p>With one namespace nothing here acts (no mark is written): the election is exactly as before units.
 * The clocks are compared as the elector compares them (a Lease's renew time against this pod's clock).
 */
final class LeaseSpread {

    private static final Logger LOG = Logger.getLogger(LeaseSpread.class);
    static final String MEMBER = "members.skillsync.io/";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LeaseClusterService service;
    private final KubernetesClient client;
    private final String mark;
    private volatile int members = 1;
    private volatile boolean marked;
    private ScheduledExecutorService rounds;

    LeaseSpread(LeaseClusterService service, KubernetesClient client) {
        this.service = service;
        this.client = client;
        this.mark = MEMBER + service.identity();
    }

    /** ceil(namespaces / members), members as counted at the last round (1 before the first). */
    int share(int namespaces) {
        return (namespaces + members - 1) / members;
    }

    void start() {
        rounds = Executors.newSingleThreadScheduledExecutor(work -> {
            Thread thread = new Thread(work, "skillsync-lease-spread-" + service.identity());
            thread.setDaemon(true);
            return thread;
        });
        rounds.scheduleWithFixedDelay(this::round, 0, service.retryPeriod().toMillis(), TimeUnit.MILLISECONDS);
    }

    void stop() {
        if (rounds != null) {
            rounds.shutdownNow();
        }
        if (marked) {
            // leaving: the others count one member fewer now, not a lease-duration later
            try {
                Map<String, String> leaving = new HashMap<>();
                leaving.put(mark, null);
                patch(members(), leaving);
            } catch (RuntimeException e) {
                LOG.debugf("Could not remove this replica's mark (%s): it expires", e.getMessage());
            }
        }
    }

    private void round() {
        try {
            List<LeaseView> views = service.views().stream().sorted(Comparator.comparing(LeaseView::getNamespace)).toList();
            if (views.size() < 2) {
                return;
            }
            members = count(renew());
            List<LeaseView> leading = views.stream().filter(LeaseView::leads).toList();
            if (leading.size() > share(views.size())) {
                // never one whose run is under way: giving it back would stop the run at its next write (its file
                // runs again elsewhere); one of them is given back once its run has ended, at a later round
                leading.stream().filter(view -> !service.busy(view.getNamespace())).reduce((first, last) -> last)
                        .ifPresent(view -> view.giveBack(service.leaseDuration()));
            }
        } catch (RuntimeException e) {
            // the elections go on without it; spreading resumes when the API answers
            LOG.debugf("Spreading the leaders waits: %s", e.getMessage());
        }
    }

    /** Renews this replica's mark, removes stale ones; returns the marks as they now are. */
    private Map<String, String> renew() {
        Resource<Lease> lease = members();
        Lease current = lease.get();
        String now = Instant.now().toString();
        if (current == null) {
            client.resource(new LeaseBuilder().withNewMetadata().withName(name())
                    .withNamespace(service.kubernetesNamespace()).addToAnnotations(mark, now).endMetadata()
                    .withNewSpec().endSpec().build()).create();
            marked = true;
            return Map.of(mark, now);
        }
        Map<String, String> marks = new HashMap<>(Optional.ofNullable(current.getMetadata().getAnnotations()).orElse(Map.of()));
        Map<String, String> changes = new HashMap<>();
        marks.forEach((key, value) -> {
            if (key.startsWith(MEMBER) && !key.equals(mark) && value != null && age(value).compareTo(service.leaseDuration().multipliedBy(4)) > 0) {
                changes.put(key, null);
            }
        });
        changes.put(mark, now);
        patch(lease, changes);
        marked = true;
        marks.keySet().removeAll(changes.keySet());
        marks.put(mark, now);
        return marks;
    }

    /** This replica and the others whose mark is younger than lease-duration. */
    private int count(Map<String, String> marks) {
        long others = marks.entrySet().stream().filter(e -> e.getKey().startsWith(MEMBER) && !e.getKey().equals(mark))
                .filter(e -> age(e.getValue()).compareTo(service.leaseDuration()) < 0).count();
        return 1 + (int) others;
    }

    /** How long ago the mark was renewed; a mark that is no time (removed, or not ours) counts as long gone. */
    private static Duration age(String time) {
        try {
            return Duration.between(Instant.parse(time), Instant.now());
        } catch (DateTimeParseException | NullPointerException e) {
            return Duration.ofDays(365);
        }
    }

    private void patch(Resource<Lease> lease, Map<String, String> annotations) {
        try {
            lease.patch(PatchContext.of(PatchType.JSON_MERGE),
                    JSON.writeValueAsString(Map.of("metadata", Map.of("annotations", annotations))));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Resource<Lease> members() {
        return client.leases().inNamespace(service.kubernetesNamespace()).withName(name());
    }

    private String name() {
        return service.leaseName() + "-members";
    }
}
