package io.skillsync.run;

import java.time.Instant;

import io.skillsync.sync.Row;

/**
 * A row between validation and resolution: the ledger entry plus the names it gives for the agent and
 * the skill. Lives only while the row passes through the split.
 */
public record RowRequest(Row row, String place, String email, Long agentId, String skill, Long skillId,
        Instant effective, Instant until) {

    public static RowRequest rejected(Row row, String place) {
        return new RowRequest(row, place, null, null, null, null, null, null);
    }
}
