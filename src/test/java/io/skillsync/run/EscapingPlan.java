package io.skillsync.run;

import java.util.Map;

import org.apache.camel.ExchangeProperty;

import io.skillsync.cxone.CurrentAssignments;
import io.skillsync.sync.Assignment;
import io.skillsync.sync.AssignmentKey;

/**
 * The real reads, except that planning a file named {@code escaping*.csv} throws what the route's handler
 * passes on (as it must for a file replaced mid-run): the tests' way to meet a run whose failure escapes the
 * route, so that the file consumer rolls back (HostileFilesTest installs it with QuarkusMock for one test).
 */
public class EscapingPlan extends HeldAssignments {

    public EscapingPlan(CurrentAssignments current) {
        super(current);
    }

    @Override
    public Map<AssignmentKey, Assignment> forOpenRows(@ExchangeProperty(RunProperties.RUN) Run run) {
        if (run.fileName().startsWith("out-of-memory")) {
            // outside the split, which wraps what its steps throw: the route meets the Error itself
            throw new OutOfMemoryError("simulated: Java heap space");
        }
        if (run.fileName().startsWith("escaping")) {
            throw new RunReport.FileReplacedException("simulated: a failure the route's handler passes on");
        }
        return super.forOpenRows(run);
    }
}
