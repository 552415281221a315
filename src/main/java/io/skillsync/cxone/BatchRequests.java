package io.skillsync.cxone;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.skillsync.sync.Batch;
import io.skillsync.sync.Row;
import io.skillsync.sync.Verb;

/** A batch as the write request of its mode: per skill, NICE's bulk shape, or the runbook's bulk-put. */
public final class BatchRequests {

    private final ObjectMapper json;
    /** The bulk {@code skills[]} item's shape: skillId or skillIds (a setting: NICE's schema leaves it untyped). */
    private final boolean skillIds;

    public BatchRequests(ObjectMapper json, String bulkSkillItem) {
        if (!bulkSkillItem.equals("skillId") && !bulkSkillItem.equals("skillIds")) {
            throw new IllegalArgumentException("skillsync.cxone.bulk-skill-item must be skillId or skillIds, was " + bulkSkillItem);
        }
        this.json = json;
        this.skillIds = bulkSkillItem.equals("skillIds");
    }

    public CxoneRequest of(Batch batch) throws JsonProcessingException {
        if (!batch.bulk()) {
            ObjectNode body = json.createObjectNode();
            ArrayNode items = body.putArray("agents");
            for (Row row : batch.rows()) {
                if (batch.verb() == Verb.DELETE) {
                    // NICE's DELETE /skills/{skillId}/agents names the agents to unassign, nothing else
                    items.addObject().put("agentId", row.agentId());
                } else {
                    items.addObject().put("agentId", row.agentId()).put("proficiency", row.targetProficiency())
                            .put("isActive", row.active());
                }
            }
            return CxoneRequest.write(batch.verb().name(), "/skills/" + batch.skillId() + "/agents", json.writeValueAsString(body));
        }
        return CxoneRequest.write(batch.verb().name(), "/agents/skills", json.writeValueAsString(
                batch.verb() == Verb.POST ? agentAndSkillDetails(batch) : agentSkillAssignments(batch)));
    }

    /** NICE's bulk shape: agents that share a skill, proficiency and active flag go in one entry. */
    private ObjectNode agentAndSkillDetails(Batch batch) {
        Map<String, List<Row>> entries = new LinkedHashMap<>();
        for (Row row : batch.rows()) {
            entries.computeIfAbsent(row.skillId() + "/" + row.targetProficiency() + "/" + row.active(),
                    k -> new ArrayList<>()).add(row);
        }
        ObjectNode body = json.createObjectNode();
        ArrayNode details = body.putArray("agentAndSkillDetails");
        for (List<Row> rows : entries.values()) {
            ObjectNode entry = details.addObject();
            ArrayNode agentIds = entry.putArray("agentIds");
            rows.forEach(row -> agentIds.add(String.valueOf(row.agentId())));
            Row first = rows.get(0);
            ObjectNode skill = entry.putArray("skills").addObject();
            if (skillIds) {
                skill.putArray("skillIds").add(String.valueOf(first.skillId()));
            } else {
                skill.put("skillId", first.skillId());
            }
            skill.put("proficiency", first.targetProficiency()).put("isActive", first.active());
        }
        return body;
    }

    /** The runbook's bulk shape (write-mode {@code bulk-put}): in no NICE source, kept for a tenant known to take it. */
    private ObjectNode agentSkillAssignments(Batch batch) {
        ObjectNode body = json.createObjectNode();
        ArrayNode items = body.putArray("agentSkillAssignments");
        for (Row row : batch.rows()) {
            items.addObject().put("agentId", row.agentId()).put("skillId", row.skillId())
                    .put("proficiency", row.targetProficiency()).put("isActive", row.active());
        }
        return body;
    }
}
