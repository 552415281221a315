package io.skillsync.run;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;
import org.jboss.logging.Logger;

import io.skillsync.config.SkillSyncConfig;
import io.skillsync.config.SyncSettings.OnDrift;
import io.skillsync.config.Units;
import io.skillsync.cxone.CxoneEndpoint;
import io.skillsync.record.ManagedAssignments;
import io.skillsync.sync.Assignment;
import io.skillsync.sync.AssignmentKey;
import io.skillsync.sync.Drift;
import io.skillsync.sync.ManagedAssignment;
import io.skillsync.sync.Outcome;
import io.skillsync.sync.Row;

/**
 * Drift in a run (operations.md, "Drift"): before the plan, each open row's assignment that SkillSync set before
 * is compared with what CXone holds now (the run's read, route {@code plan}). Every drift is named on its row
 * (the audit's {@code drift} column), on the run (the summary) and counted ({@code skillsync_drift_total});
 * {@code skillsync.sync.on-drift} then decides in the route whether the other party's change stands ({@link #keep}).
 */
@ApplicationScoped
@Named("driftCheck")
public class DriftCheck {

    /** The current unit's settings, read at each call. */
    private final SkillSyncConfig config;

    private static final Logger LOG = Logger.getLogger(DriftCheck.class);
    /** The counter of drift met; registered at 0 with the run metrics (RunStatus). */
    static final String METRIC = "skillsync.drift";

    private final ManagedAssignments managed;
    private final MeterRegistry metrics;
    private final CxoneEndpoint tenant;

    DriftCheck(ManagedAssignments managed, SkillSyncConfig config, MeterRegistry metrics, CxoneEndpoint tenant) {
        this.config = config;
        this.tenant = tenant;
        this.managed = managed;
        this.metrics = metrics;
    }

    /** Names the drift each open row meets; the body (what CXone holds) passes on to the plan untouched. */
    public void weigh(@Body Map<AssignmentKey, Assignment> held, @ExchangeProperty(RunProperties.RUN) Run run) {
        Map<AssignmentKey, ManagedAssignment> set = managed.current(tenant.tenantKey());
        List<Drift> found = new ArrayList<>();
        if (!set.isEmpty()) {
            for (Row row : run.rows().open()) {
                AssignmentKey key = new AssignmentKey(row.agentId(), row.skillId());
                // an interrupted run of this very file sent it: SkillSync's own write, whose record never came
                if (!run.earlierApplied().containsKey(key)) {
                    Drift.metBy(row, set.get(key), held.get(key)).ifPresent(drift -> {
                        row.drifted(drift.words());
                        found.add(drift);
                    });
                }
            }
        }
        run.drifted(found);
        if (!found.isEmpty()) {
            metrics.counter(METRIC, Units.tags()).increment(found.size());
            LOG.warnf("run %s: %d assignment(s) CXone holds otherwise than SkillSync set them (drift); on-drift=%s",
                    run.id(), found.size(), label());
        }
    }

    /** Whether rows met drift that the other party's change should settle ({@code on-drift=keep}). */
    public boolean keeps(@ExchangeProperty(RunProperties.RUN) Run run) {
        return onDrift() == OnDrift.KEEP && run.drift().stream().anyMatch(drift -> !drift.rosterAgrees());
    }

    /**
     * {@code keep}: a row whose roster asks otherwise than CXone now holds ends unchanged, its detail naming the
     * drift; one asking what CXone holds goes on to the plan, which finds nothing to write.
     */
    public void keep(@Body Map<AssignmentKey, Assignment> held, @ExchangeProperty(RunProperties.RUN) Run run) {
        Map<AssignmentKey, Drift> settled = new HashMap<>();
        run.drift().stream().filter(drift -> !drift.rosterAgrees()).forEach(drift -> settled.put(drift.key(), drift));
        int kept = 0;
        for (Row row : run.rows().open()) {
            AssignmentKey key = new AssignmentKey(row.agentId(), row.skillId());
            Drift drift = settled.get(key);
            if (drift != null) {
                Assignment now = held.get(key);
                if (now != null) {
                    row.previously(now.proficiency(), now.active());
                }
                row.end(Outcome.UNCHANGED, "kept as CXone holds it (skillsync.sync.on-drift=keep): " + drift.words());
                kept++;
            }
        }
        LOG.infof("run %s: %d row(s) left as another party changed them (on-drift=keep)", run.id(), kept);
    }

    private String label() {
        return onDrift().name().toLowerCase(java.util.Locale.ROOT);
    }

    private OnDrift onDrift() {
        return config.sync().onDrift();
    }
}
