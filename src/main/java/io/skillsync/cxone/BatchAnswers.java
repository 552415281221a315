package io.skillsync.cxone;

import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.skillsync.sync.AssignmentKey;
import io.skillsync.sync.Batch;
import io.skillsync.sync.Outcome;
import io.skillsync.sync.Row;

/** Reading CXone's answer to a batch: each row's own result, success, the reason given; failing a batch whole. */
public final class BatchAnswers {

    private BatchAnswers() {
    }

    /**
     * Each row's result: by agentId (and skillId in the bulk-put dialect) where CXone names them; by position
     * when it names none and answers exactly one result per item sent.
     */
    public static Map<Row, JsonNode> results(Batch batch, CxoneResponse response) {
        JsonNode list = CxoneJson.list(response.body(), batch.bulk() ? "skillResults" : "agentResults");
        Map<Row, JsonNode> byRow = new HashMap<>();
        if (!list.isArray()) {
            return byRow;
        }
        boolean named = true;
        for (JsonNode result : list) {
            named &= CxoneJson.number(result.path("agentId"), 0) != 0;
        }
        if (!named && list.size() == batch.rows().size()) {
            for (int i = 0; i < list.size(); i++) {
                byRow.put(batch.rows().get(i), list.get(i));
            }
            return byRow;
        }
        Map<AssignmentKey, JsonNode> byKey = new HashMap<>();
        for (JsonNode result : list) {
            long agentId = CxoneJson.number(result.path("agentId"), 0);
            long skillId = batch.bulk() ? CxoneJson.number(result.path("skillId"), 0) : batch.skillId();
            if (agentId != 0) {
                byKey.put(new AssignmentKey(agentId, skillId), result);
            }
        }
        for (Row row : batch.rows()) {
            JsonNode result = byKey.get(new AssignmentKey(row.agentId(), row.skillId()));
            if (result != null) {
                byRow.put(row, result);
            }
        }
        return byRow;
    }

    /** {@code success} when CXone says it (a boolean or a string); otherwise an {@code error} of false means success. */
    public static boolean succeeded(JsonNode result) {
        if (CxoneJson.isBool(result.path("success"))) {
            return CxoneJson.bool(result.path("success"), false);
        }
        return CxoneJson.isBool(result.path("error")) && !CxoneJson.bool(result.path("error"), true);
    }

    public static String errorOf(JsonNode result) {
        for (String field : new String[] { "error", "errorMessage", "message", "description" }) {
            JsonNode value = result.path(field);
            if (value.isTextual() && !value.asText().isBlank() && !CxoneJson.isBool(value)) {
                return value.asText();
            }
        }
        return "no reason given";
    }

    public static void failAll(Batch batch, CxoneResponse response, String reason) {
        if (response == null) {
            failAll(batch, 400, null, null, null, reason);
        } else {
            failAll(batch, response.status(), response.requestId(), response.cxoneRequestId(), response.traceId(), reason);
        }
    }

    /** Every row of the batch fails for one reason (one string for them all: a batch can be 100 rows). */
    public static void failAll(Batch batch, int status, String requestId, String cxoneRequestId, String traceId,
            String reason) {
        for (Row row : batch.rows()) {
            row.sentIn(batch.number(), status, requestId, cxoneRequestId, traceId);
            row.end(Outcome.FAILED, reason);
        }
    }

    public static String label(Batch batch) {
        return batch.bulk() ? "bulk " + batch.verb() : batch.verb() + " skill " + batch.skillId();
    }

    public static String reasonOf(CxoneResponse response) {
        if (response.statusDescription() != null && !response.statusDescription().isBlank()) {
            return ": " + response.statusDescription();
        }
        JsonNode body = response.body();
        for (String field : new String[] { "error_description", "message", "error", "icStatusDescription" }) {
            if (body.path(field).isTextual()) {
                return ": " + body.path(field).asText();
            }
        }
        return "";
    }
}
