package io.skillsync.cxone;

import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.jboss.logging.Logger;

import io.skillsync.run.AssignmentKey;
import io.skillsync.run.AssignmentPlanner;
import io.skillsync.run.Batch;
import io.skillsync.run.Outcome;
import io.skillsync.run.Row;

/**
 * Writes one {@link Batch} (route {@code write-batch}): shapes the request of the configured write mode,
 * then settles every row of the batch from CXone's per-item {@code resultSet}. CXone answers 200 even when
 * items failed, so each row's outcome comes from its own result; a row the answer does not mention is
 * not assumed applied.
 */
@ApplicationScoped
@Named("batchWriter")
public class BatchWriter {

    public static final String BATCH = "batch";
    private static final Logger LOG = Logger.getLogger(BatchWriter.class);

    private final ObjectMapper json;
    private final TenantDirectory directory;

    BatchWriter(ObjectMapper json, TenantDirectory directory) {
        this.json = json;
        this.directory = directory;
    }

    public CxoneRequest request(@Body Batch batch) throws JsonProcessingException {
        ObjectNode body = json.createObjectNode();
        ArrayNode items = body.putArray(batch.bulk() ? "agentSkillAssignments" : "agents");
        for (Row row : batch.rows()) {
            ObjectNode item = items.addObject().put("agentId", row.agentId());
            if (batch.bulk()) {
                item.put("skillId", row.skillId());
            }
            item.put("proficiency", row.targetProficiency()).put("isActive", row.active());
        }
        String path = batch.bulk() ? "/agents/skills" : "/skills/" + batch.skillId() + "/agents";
        return CxoneRequest.write(batch.verb(), path, json.writeValueAsString(body));
    }

    public void record(@Body CxoneResponse response, @ExchangeProperty(BATCH) Batch batch) {
        if (response.status() / 100 != 2) {
            refused(batch, response);
            return;
        }
        Map<AssignmentKey, JsonNode> results = new HashMap<>();
        JsonNode resultSet = response.body().path("resultSet");
        for (JsonNode result : resultSet.path(batch.bulk() ? "skillResults" : "agentResults")) {
            long skillId = batch.bulk() ? result.path("skillId").asLong() : batch.skillId();
            results.put(new AssignmentKey(result.path("agentId").asLong(), skillId), result);
        }
        int applied = 0;
        for (Row row : batch.rows()) {
            row.sentIn(batch.number(), response.status(), response.requestId());
            JsonNode result = results.get(new AssignmentKey(row.agentId(), row.skillId()));
            if (result == null) {
                row.end(Outcome.FAILED, "CXone's answer does not mention this assignment, so it is not taken as applied");
            } else if (result.path("success").asBoolean(false)) {
                row.end(Outcome.APPLIED, AssignmentPlanner.describe(row));
                applied++;
            } else {
                row.end(Outcome.FAILED, "CXone refused: " + result.path("error").asText("no reason given"));
            }
        }
        LOG.infof("batch %d (%s, %d rows): %d applied, %d failed, X-Request-Id %s", batch.number(), label(batch),
                batch.rows().size(), applied, batch.rows().size() - applied, response.requestId());
    }

    /** The request as a whole was refused (4xx): every row of it fails with CXone's reason. */
    private void refused(Batch batch, CxoneResponse response) {
        if (response.status() == 404) {
            directory.forget();
        }
        String reason = "CXone refused the whole request (HTTP " + response.status() + reasonOf(response) + ")";
        for (Row row : batch.rows()) {
            row.sentIn(batch.number(), response.status(), response.requestId());
            row.end(Outcome.FAILED, reason);
        }
        LOG.warnf("batch %d (%s, %d rows): %s, X-Request-Id %s", batch.number(), label(batch), batch.rows().size(),
                reason, response.requestId());
    }

    /** CXone could not be reached, or stayed busy through every retry: the batch's rows fail, the run goes on. */
    public void unreachable(@ExchangeProperty(BATCH) Batch batch,
            @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception cause) {
        RuntimeException failure = CxoneClient.unwrap(cause);
        int status = failure instanceof CxoneException cx ? cx.status() : 0;
        for (Row row : batch.rows()) {
            row.sentIn(batch.number(), status, null);
            row.end(Outcome.FAILED, "not written: " + failure.getMessage());
        }
        LOG.warnf("batch %d (%s, %d rows) failed: %s", batch.number(), label(batch), batch.rows().size(),
                failure.getMessage());
    }

    private static String label(Batch batch) {
        return batch.bulk() ? "bulk PUT" : batch.verb() + " skill " + batch.skillId();
    }

    private static String reasonOf(CxoneResponse response) {
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
