package io.skillsync.cxone;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.camel.Body;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.jboss.logging.Logger;

import io.skillsync.intake.MaintenanceWindow;
import io.skillsync.run.AssignmentKey;
import io.skillsync.run.Batch;
import io.skillsync.run.Outcome;
import io.skillsync.run.Row;
import io.skillsync.run.Run;
import io.skillsync.run.RunLedger;
import io.skillsync.run.RunProgress;
import io.skillsync.run.RunStoppedException;

/**
 * Writes one {@link Batch} (route {@code write-batch}): shapes the request of the configured write mode,
 * then settles every row of the batch from CXone's per-item {@code resultSet}. CXone answers 200 even when
 * items failed, so each row's outcome comes from its own result; a row the answer does not mention is
 * not assumed applied. Some answers leave follow-up batches, which the route writes the same way:
 * <ul>
 * <li>a 400 for the whole request: the two halves, until the refused items stand alone;</li>
 * <li>POST answered "already assigned" or PUT answered "not assigned": those rows once with the other verb.</li>
 * </ul>
 */
@ApplicationScoped
@Named("batchWriter")
public class BatchWriter {

    public static final String BATCH = "batch";
    private static final Logger LOG = Logger.getLogger(BatchWriter.class);

    private final ObjectMapper json;
    private final TenantDirectory directory;
    private final CamelContext camel;
    private final RunProgress progress;
    private final MaintenanceWindow window;

    BatchWriter(ObjectMapper json, TenantDirectory directory, CamelContext camel, RunProgress progress,
            MaintenanceWindow window) {
        this.json = json;
        this.directory = directory;
        this.camel = camel;
        this.progress = progress;
        this.window = window;
    }

    public CxoneRequest request(@Body Batch batch) throws JsonProcessingException {
        if (camel.isStopping()) {
            // SIGTERM: the request under way has finished; the rest of the file runs again after the restart
            throw new RunStoppedException("the service is shutting down");
        }
        if (!window.isOpen()) {
            // the batch before this one was the last of tonight's window; the rest runs in the next one
            throw new RunStoppedException("the maintenance window closed; the rest of the file runs when it opens again");
        }
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

    /** Settles the batch's rows from CXone's answer; returns the follow-up batches it leaves (often none). */
    public List<Batch> record(@Body CxoneResponse response, @ExchangeProperty(BATCH) Batch batch,
            @ExchangeProperty(RunLedger.RUN) Run run) {
        run.wrote();
        progress.wrote(run);
        if (response.status() == 400 && batch.rows().size() > 1) {
            return bisect(batch, response, run);
        }
        if (response.status() / 100 != 2) {
            refused(batch, response);
            return List.of();
        }
        Map<AssignmentKey, JsonNode> results = new HashMap<>();
        JsonNode resultSet = response.body().path("resultSet");
        for (JsonNode result : resultSet.path(batch.bulk() ? "skillResults" : "agentResults")) {
            long skillId = batch.bulk() ? result.path("skillId").asLong() : batch.skillId();
            results.put(new AssignmentKey(result.path("agentId").asLong(), skillId), result);
        }
        int applied = 0;
        List<Row> otherVerb = new ArrayList<>();
        for (Row row : batch.rows()) {
            row.sentIn(batch.number(), response.status(), response.requestId(), response.traceId());
            JsonNode result = results.get(new AssignmentKey(row.agentId(), row.skillId()));
            if (result == null) {
                row.end(Outcome.FAILED, "CXone's answer does not mention this assignment, so it is not taken as applied");
            } else if (result.path("success").asBoolean(false)) {
                row.end(Outcome.APPLIED, null);
                applied++;
            } else {
                String error = result.path("error").asText("no reason given");
                if (!batch.bulk() && stateChanged(batch.verb(), error) && row.flipVerbOnce()) {
                    otherVerb.add(row);
                } else {
                    row.end(Outcome.FAILED, "CXone refused: " + error);
                }
            }
        }
        LOG.debugf("batch %d (%s, %d rows): %d applied, %d failed%s, X-Request-Id %s", batch.number(), label(batch),
                batch.rows().size(), applied, batch.rows().size() - applied - otherVerb.size(),
                otherVerb.isEmpty() ? "" : ", " + otherVerb.size() + " again with the other verb", response.requestId());
        return otherVerb.isEmpty() ? List.of() : otherVerb(batch, otherVerb, run);
    }

    /** "Already assigned" to a POST, "not assigned" to a PUT: the assignment changed since it was read. */
    private static boolean stateChanged(String verb, String error) {
        String e = error.toLowerCase(Locale.ROOT);
        return verb.equals("POST") ? e.contains("already") : e.contains("not assigned");
    }

    private List<Batch> otherVerb(Batch batch, List<Row> rows, Run run) {
        String verb = batch.verb().equals("POST") ? "PUT" : "POST";
        List<Row> resend = new ArrayList<>();
        for (Row row : rows) {
            if (verb.equals("POST") && row.proficiency() == Row.NONE) {
                // the row kept CXone's level, and CXone no longer holds the assignment
                if (row.active()) {
                    row.end(Outcome.FAILED, "CXone no longer holds this assignment, and the row gives no proficiency to assign");
                } else {
                    row.end(Outcome.UNCHANGED, "not assigned in CXone any more, so nothing to deactivate");
                }
            } else {
                resend.add(row);
            }
        }
        return resend.isEmpty() ? List.of() : List.of(new Batch(run.nextBatchNumber(), verb, batch.skillId(), resend));
    }

    /** CXone refused the whole request: send each half on its own, so the good items still go through. */
    private List<Batch> bisect(Batch batch, CxoneResponse response, Run run) {
        int half = batch.rows().size() / 2;
        Batch first = new Batch(run.nextBatchNumber(), batch.verb(), batch.skillId(), batch.rows().subList(0, half));
        Batch second = new Batch(run.nextBatchNumber(), batch.verb(), batch.skillId(),
                batch.rows().subList(half, batch.rows().size()));
        LOG.infof("batch %d (%s, %d rows) refused as a whole (HTTP 400%s): sending it as batches %d and %d",
                batch.number(), label(batch), batch.rows().size(), reasonOf(response), first.number(), second.number());
        return List.of(first, second);
    }

    /** The request as a whole was refused (4xx): every row of it fails with CXone's reason. */
    private void refused(Batch batch, CxoneResponse response) {
        if (response.status() == 404) {
            directory.forget();
        }
        String reason = "CXone refused the request (HTTP " + response.status() + reasonOf(response) + ")";
        failAll(batch, response.status(), response.requestId(), response.traceId(), reason);
        LOG.warnf("batch %d (%s, %d rows): %s, X-Request-Id %s", batch.number(), label(batch), batch.rows().size(),
                reason, response.requestId());
    }

    /** CXone stayed busy, conflicting or unreachable through every retry: the batch's rows fail, the run goes on. */
    public void unreachable(@ExchangeProperty(BATCH) Batch batch,
            @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception cause) {
        RuntimeException failure = CxoneClient.unwrap(cause);
        int status = failure instanceof CxoneException cx ? cx.status() : 0;
        failAll(batch, status, null, null, "not written: " + failure.getMessage());
        LOG.warnf("batch %d (%s, %d rows) failed: %s", batch.number(), label(batch), batch.rows().size(),
                failure.getMessage());
    }

    /** Every row of the batch fails for one reason (one string for them all: a batch can be 100 rows). */
    private static void failAll(Batch batch, int status, String requestId, String traceId, String reason) {
        for (Row row : batch.rows()) {
            row.sentIn(batch.number(), status, requestId, traceId);
            row.end(Outcome.FAILED, reason);
        }
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
