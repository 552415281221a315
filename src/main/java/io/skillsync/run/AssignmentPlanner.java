package io.skillsync.run;

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
import io.skillsync.sync.BatchPlan;
import io.skillsync.sync.Verb;

/** The run's plan ({@link BatchPlan}) from its settings, its open rows and what CXone holds, kept on the run. */
@ApplicationScoped
@Named("assignmentPlanner")
public class AssignmentPlanner {

    private static final Logger LOG = Logger.getLogger(AssignmentPlanner.class);

    private final BatchPlan plan;

    AssignmentPlanner(SkillSyncConfig config) {
        int batchSize = config.cxone().batchSize();
        if (batchSize < 1 || batchSize > 100) {
            throw new IllegalArgumentException("skillsync.cxone.batch-size must be 1..100, was " + batchSize);
        }
        // the verb of a bulk write: NICE's POST /agents/skills, or the runbook's PUT (dialect bulk-put)
        this.plan = new BatchPlan(batchSize, switch (config.cxone().writeMode()) {
            case PER_SKILL -> null;
            case BULK -> Verb.POST;
            case BULK_PUT -> Verb.PUT;
        });
    }

    public List<Batch> plan(@Body Map<AssignmentKey, Assignment> held, @ExchangeProperty(RunProperties.RUN) Run run) {
        List<Batch> batches = plan.plan(run.rows().open(), held, run.earlierApplied(), run.dryRun());
        LOG.infof("run %s: %d change(s) in %d write(s)%s", run.id(),
                batches.stream().mapToInt(batch -> batch.rows().size()).sum(), batches.size(),
                run.dryRun() ? " (dry run: none sent)" : "");
        run.batches().plan(batches);
        return run.dryRun() ? List.of() : batches;
    }
}
