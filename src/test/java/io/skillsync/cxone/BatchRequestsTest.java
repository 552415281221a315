package io.skillsync.cxone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import io.skillsync.sync.Batch;
import io.skillsync.sync.Row;
import io.skillsync.sync.Verb;

/** Plain JUnit: NICE's bulk skills[] item, untyped in its schema, in either spelling the setting names. */
class BatchRequestsTest {

    final ObjectMapper json = new ObjectMapper();

    @Test
    void theBulkSkillItemIsSpelledAsTheSettingSays() throws Exception {
        Batch batch = new Batch(1, Verb.POST, Batch.Scope.BULK, List.of(row(445566, 112233, 5), row(445567, 112233, 5)));
        assertEquals("{\"agentAndSkillDetails\":[{\"agentIds\":[\"445566\",\"445567\"],\"skills\":[{\"skillId\":112233,"
                + "\"proficiency\":5,\"isActive\":true}]}]}", new BatchRequests(json, "skillId").of(batch).json());
        // the one published real v30 caller's spelling
        assertEquals("{\"agentAndSkillDetails\":[{\"agentIds\":[\"445566\",\"445567\"],\"skills\":[{\"skillIds\":[\"112233\"],"
                + "\"proficiency\":5,\"isActive\":true}]}]}", new BatchRequests(json, "skillIds").of(batch).json());
        assertThrows(IllegalArgumentException.class, () -> new BatchRequests(json, "skill_ids"));
    }

    static Row row(long agentId, long skillId, int proficiency) {
        Row row = new Row(1);
        row.resolvedTo(agentId, skillId);
        row.wants(proficiency, true);
        return row;
    }
}
