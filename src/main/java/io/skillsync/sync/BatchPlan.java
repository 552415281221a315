package io.skillsync.sync;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The writes that bring CXone to what the open rows ask: a row whose state CXone already holds is
 * {@code unchanged} and costs nothing; the rest go into batches of at most {@code batchSize}, per (skill,
 * verb) in per-skill mode (so exactly ceil(n/batchSize) writes each), mixed in bulk mode. Pure: no I/O.
 *
 * @param bulkVerb the verb of a bulk write (NICE's POST /agents/skills, or the runbook's PUT); null per skill
 */
public record BatchPlan(int batchSize, Verb bulkVerb) {

    /** The batches, in the order they are sent; each row CXone already holds has ended {@code unchanged}. */
    public List<Batch> plan(List<Row> openRows, Map<AssignmentKey, Assignment> held,
            Map<AssignmentKey, String> earlierApplied, boolean dryRun) {
        boolean bulk = bulkVerb != null;
        Map<Group, List<Row>> changes = new LinkedHashMap<>();
        for (Row row : openRows) {
            Assignment current = held.get(new AssignmentKey(row.agentId(), row.skillId()));
            Verb verb = verb(row, current);
            if (verb == null) {
                String earlier = earlierApplied.get(new AssignmentKey(row.agentId(), row.skillId()));
                row.end(Outcome.UNCHANGED, earlier == null ? null
                        : RowWords.unchanged(row) + " (sent by run " + earlier + ", which was interrupted)");
                continue;
            }
            if (dryRun) {
                row.end(Outcome.PLANNED, null);
            }
            // NICE's bulk write only assigns: an unassignment is a DELETE of the skill's agents, in either mode
            Group group = bulk && verb != Verb.DELETE ? new Group(bulkVerb, Batch.Scope.BULK)
                    : new Group(verb, Batch.Scope.skill(row.skillId()));
            changes.computeIfAbsent(group, g -> new ArrayList<>()).add(row);
        }
        List<Batch> batches = new ArrayList<>();
        changes.forEach((group, rows) -> {
            for (int from = 0; from < rows.size(); from += batchSize) {
                List<Row> slice = rows.subList(from, Math.min(rows.size(), from + batchSize));
                batches.add(new Batch(batches.size() + 1, group.verb(), group.scope(), List.copyOf(slice)));
            }
        });
        return batches;
    }

    /**
     * DELETE to unassign, POST to assign, PUT to change, null when CXone already holds what the row asks: the
     * caller ends it {@code unchanged}, in its own words (a row's outcome is set once).
     */
    public static Verb verb(Row row, Assignment current) {
        if (current == null) {
            return row.active() && !row.removes() ? Verb.POST : null;
        }
        row.previously(current.proficiency(), current.active());
        if (row.removes()) {
            return Verb.DELETE;
        }
        return current.grants(row) ? null : Verb.PUT;
    }

    /** The rows one batch may carry: one skill and one verb, or every row of a bulk write. */
    private record Group(Verb verb, Batch.Scope scope) {
    }
}
