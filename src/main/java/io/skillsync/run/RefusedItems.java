package io.skillsync.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.skillsync.sync.Assignment;
import io.skillsync.sync.AssignmentKey;
import io.skillsync.sync.Batch;
import io.skillsync.sync.BatchPlan;
import io.skillsync.sync.Outcome;
import io.skillsync.sync.Row;
import io.skillsync.sync.Verb;

/** Items CXone refused: their agents read again and each row planned again, once; no error text interpreted. */
final class RefusedItems {

    private final HeldAssignments current;

    RefusedItems(HeldAssignments current) {
        this.current = current;
    }

    /**
     * CXone refused these items. Their agents' assignments are read again and each row planned again, once:
     * one that CXone now holds is unchanged, one whose verb changed (the assignment was made or removed
     * since the read) goes again with the other verb, and one whose verb stands fails with CXone's reason.
     */
    List<Batch> replan(Batch batch, Map<Row, String> refused, Run run) {
        List<Row> again = new ArrayList<>();
        Map<Row, String> fail = new LinkedHashMap<>();
        refused.forEach((row, error) -> {
            if (batch.bulk() || !row.replanOnce()) {
                fail.put(row, error);
            } else {
                again.add(row);
            }
        });
        List<Batch> followUps = new ArrayList<>();
        if (!again.isEmpty()) {
            Map<AssignmentKey, Assignment> held = current.of(run, again, false, "assignments of refused items again");
            Map<Verb, List<Row>> byVerb = new LinkedHashMap<>();
            for (Row row : again) {
                Assignment now = held.get(new AssignmentKey(row.agentId(), row.skillId()));
                Verb verb = BatchPlan.verb(row, now);
                if (verb == null) {
                    row.end(Outcome.UNCHANGED, (now == null ? "not assigned in CXone, so nothing to deactivate"
                            : "CXone holds this already") + " (read again after CXone refused the write: " + refused.get(row) + ")");
                } else if (verb == batch.verb()) {
                    fail.put(row, refused.get(row));
                } else {
                    byVerb.computeIfAbsent(verb, v -> new ArrayList<>()).add(row);
                }
            }
            byVerb.forEach((verb, rows) -> followUps.add(new Batch(run.batches().nextNumber(), verb, batch.scope(), rows)));
        }
        fail.forEach((row, error) -> row.end(Outcome.FAILED, "CXone refused: " + error));
        return followUps;
    }
}
