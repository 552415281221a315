package io.skillsync.run;

import io.skillsync.sync.Row;

/**
 * A row between validation and resolution: the ledger entry plus the names it gives for the agent and
 * the skill. Lives only while the row passes through the split.
 */
public record RowRequest(Row row, String email, Long agentId, String skill, Long skillId) {

    public static RowRequest rejected(Row row) {
        return new RowRequest(row, null, null, null, null);
    }
}
