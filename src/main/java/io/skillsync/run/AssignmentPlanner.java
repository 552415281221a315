package io.skillsync.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;
import org.jboss.logging.Logger;

import io.skillsync.config.SkillSyncConfig;
import io.skillsync.sync.Assignment;
import io.skillsync.sync.AssignmentKey;
import io.skillsync.sync.Batch;
import io.skillsync.sync.Outcome;
import io.skillsync.sync.Row;

/**
 * Compares each open row with what CXone holds and plans the writes: a row whose state CXone already
 * holds is {@code unchanged} and costs nothing; the rest go into batches of at most {@code batch-size},
 * per (skill, verb) in per-skill mode (so exactly ceil(n/batch-size) writes each), mixed in bulk mode.
 */
@ApplicationScoped
@Named("assignmentPlanner")
public class AssignmentPlanner {

    private static final Logger LOG = Logger.getLogger(AssignmentPlanner.class);

    private final int batchSize;
    private final boolean bulk;
    /** The verb of a bulk write: NICE's POST /agents/skills, or the runbook's PUT (dialect {@code bulk-put}). */
    private final String bulkVerb;

    AssignmentPlanner(SkillSyncConfig config) {
        this.batchSize = config.cxone().batchSize();
        if (batchSize < 1 || batchSize > 100) {
            throw new IllegalArgumentException("skillsync.cxone.batch-size must be 1..100, was " + batchSize);
        }
        String mode = config.cxone().writeMode();
        if (!mode.equals("per-skill") && !mode.equals("bulk") && !mode.equals("bulk-put")) {
            throw new IllegalArgumentException("skillsync.cxone.write-mode must be per-skill, bulk or bulk-put, was " + mode);
        }
        this.bulk = mode.startsWith("bulk");
        this.bulkVerb = mode.equals("bulk-put") ? "PUT" : "POST";
    }

    public List<Batch> plan(@Body Map<AssignmentKey, Assignment> held, @ExchangeProperty(RunLedger.RUN) Run run) {
        Map<String, List<Row>> changes = new LinkedHashMap<>();
        for (Row row : run.openRows()) {
            Assignment current = held.get(new AssignmentKey(row.agentId(), row.skillId()));
            String verb = verb(row, current);
            if (verb == null) {
                String earlier = run.earlierApplied().get(new AssignmentKey(row.agentId(), row.skillId()));
                if (earlier != null) {
                    row.end(Outcome.UNCHANGED, row.detail() + " (sent by run " + earlier + ", which was interrupted)");
                }
                continue;
            }
            if (run.dryRun()) {
                row.end(Outcome.PLANNED, null);
            }
            String group = bulk ? "bulk" : verb + " " + row.skillId();
            changes.computeIfAbsent(group, g -> new ArrayList<>()).add(row);
        }
        List<Batch> batches = new ArrayList<>();
        changes.forEach((group, rows) -> {
            for (int from = 0; from < rows.size(); from += batchSize) {
                List<Row> slice = rows.subList(from, Math.min(rows.size(), from + batchSize));
                String verb = bulk ? bulkVerb : group.substring(0, group.indexOf(' '));
                long skillId = bulk ? 0 : slice.get(0).skillId();
                batches.add(new Batch(batches.size() + 1, verb, skillId, List.copyOf(slice)));
            }
        });
        LOG.infof("run %s: %d change(s) in %d write(s)%s", run.id(),
                changes.values().stream().mapToInt(List::size).sum(), batches.size(), run.dryRun() ? " (dry run: none sent)" : "");
        run.plan(batches);
        return run.dryRun() ? List.of() : batches;
    }

    /** POST to assign, PUT to change, null when CXone already holds what the row asks (then it ends here). */
    public static String verb(Row row, Assignment current) {
        if (current == null) {
            if (!row.active()) {
                row.end(Outcome.UNCHANGED, null);
                return null;
            }
            return "POST";
        }
        row.previously(current.proficiency(), current.active());
        if (row.targetProficiency() == current.proficiency() && row.active() == current.active()) {
            row.end(Outcome.UNCHANGED, null);
            return null;
        }
        return "PUT";
    }
}
