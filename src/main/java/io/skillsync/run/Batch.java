package io.skillsync.run;

import java.util.List;

/**
 * One write request's worth of rows.
 *
 * @param number  1-based, in the order the run sends them; recorded on each row's audit line
 * @param verb    {@code POST} (assign) or {@code PUT} (change); bulk batches are all {@code PUT}
 * @param skillId the skill of a per-skill batch; 0 for a bulk batch
 */
public record Batch(int number, String verb, long skillId, List<Row> rows) {

    public boolean bulk() {
        return skillId == 0;
    }
}
