package io.skillsync.run;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

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

import io.skillsync.config.SkillSyncConfig;
import io.skillsync.cluster.Leadership;
import io.skillsync.sync.Assignment;
import io.skillsync.sync.AssignmentKey;
import io.skillsync.sync.Batch;
import io.skillsync.sync.Outcome;
import io.skillsync.sync.Row;
import io.skillsync.sync.RunStoppedException;
import io.skillsync.cxone.CurrentAssignments;
import io.skillsync.cxone.CxoneClient;
import io.skillsync.cxone.CxoneException;
import io.skillsync.cxone.CxoneJson;
import io.skillsync.cxone.CxoneRequest;
import io.skillsync.cxone.CxoneResponse;
import io.skillsync.cxone.TenantDirectory;

/**
 * Writes one {@link Batch} (route {@code write-batch}): shapes the request of the configured write mode,
 * then settles every row of the batch from CXone's answer (cxone-api.md, Writes). CXone answers 200 even
 * when items failed, so each row's outcome comes from its own result, matched by agentId or, when CXone
 * leaves agentId out, by position; a row the answer does not report on is not taken as applied (read-back
 * settles it), and neither is a row of a bulk write, whose answer names no agents. Some answers leave
 * follow-up batches, which the route writes the same way:
 * <ul>
 * <li>a 400 for the whole request: the two halves, until the refused items stand alone; splitting stops
 * when both halves are refused for the same reason (the request, not an item, is the cause) or when the
 * batch's split budget ({@code skillsync.cxone.split.max-requests}) is spent;</li>
 * <li>an item CXone refused: its agent's assignments are read again and the row planned again, once
 * (POST where it was PUT, or the other way round); no error text is interpreted.</li>
 * </ul>
 */
@ApplicationScoped
@Named("batchWriter")
public class BatchWriter {

    public static final String BATCH = "batch";
    private static final Logger LOG = Logger.getLogger(BatchWriter.class);

    private final ObjectMapper json;
    private final TenantDirectory directory;
    private final CurrentAssignments current;
    private final CamelContext camel;
    private final RunProgress progress;
    private final MaintenanceWindow window;
    private final Leadership leadership;
    private final int splitBudget;
    private final io.skillsync.run.RunJournal journal;

    BatchWriter(ObjectMapper json, TenantDirectory directory, CurrentAssignments current, CamelContext camel,
            RunProgress progress, MaintenanceWindow window, Leadership leadership, SkillSyncConfig config, io.skillsync.run.RunJournal journal) {
        this.journal = journal;
        this.json = json;
        this.directory = directory;
        this.current = current;
        this.camel = camel;
        this.progress = progress;
        this.window = window;
        this.leadership = leadership;
        this.splitBudget = config.cxone().split().maxRequests();
    }

    public CxoneRequest request(@Body Batch batch, @ExchangeProperty(RunLedger.RUN) Run run) throws JsonProcessingException {
        CxoneRequest request = shape(batch);
        // on disk before it is sent: a write CXone takes is never unrecorded
        journal.sending(run, batch);
        return request;
    }

    private CxoneRequest shape(Batch batch) throws JsonProcessingException {
        if (camel.isStopping()) {
            // SIGTERM: the request under way has finished; the rest of the file runs again after the restart
            throw new RunStoppedException("the service is shutting down", true);
        }
        if (!window.isOpen()) {
            // the batch before this one was the last of tonight's window; the rest runs in the next one
            throw new RunStoppedException("the maintenance window closed; the rest of the file runs when it opens again", true);
        }
        if (!leadership.held()) {
            // the Lease was not renewed in time: a standby may lead by now, and two replicas never write at once
            throw new RunStoppedException("this replica no longer holds the cluster Lease; the replica that leads runs the file", true);
        }
        if (!batch.bulk()) {
            ObjectNode body = json.createObjectNode();
            ArrayNode items = body.putArray("agents");
            for (Row row : batch.rows()) {
                items.addObject().put("agentId", row.agentId()).put("proficiency", row.targetProficiency())
                        .put("isActive", row.active());
            }
            return CxoneRequest.write(batch.verb(), "/skills/" + batch.skillId() + "/agents", json.writeValueAsString(body));
        }
        return CxoneRequest.write(batch.verb(), "/agents/skills", json.writeValueAsString(
                batch.verb().equals("POST") ? agentAndSkillDetails(batch) : agentSkillAssignments(batch)));
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
            entry.putArray("skills").addObject().put("skillId", first.skillId())
                    .put("proficiency", first.targetProficiency()).put("isActive", first.active());
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

    /** Settles the batch's rows from CXone's answer; returns the follow-up batches it leaves (often none). */
    public List<Batch> record(@Body CxoneResponse response, @ExchangeProperty(BATCH) Batch batch,
            @ExchangeProperty(RunLedger.RUN) Run run) {
        run.wrote();
        List<Batch> followUps = settle(response, batch, run);
        journal.answered(run, batch, response.status(), response.requestId());
        // after settling, so the line counts this batch's rows too
        progress.wrote(run);
        return followUps;
    }

    private List<Batch> settle(CxoneResponse response, Batch batch, Run run) {
        if (response.status() == 400) {
            return refusedAsWhole(batch, response, run);
        }
        List<Batch> followUps = new ArrayList<>(splitDeferredFirst(batch, run));
        if (response.status() / 100 != 2) {
            refused(batch, response);
            return followUps;
        }
        for (Row row : batch.rows()) {
            row.sentIn(batch.number(), response.status(), response.requestId(), response.cxoneRequestId(),
                    response.traceId());
        }
        if (batch.bulk() && batch.verb().equals("POST")) {
            // NICE's bulk answer is not documented to name agents: read-back settles every row
            batch.rows().forEach(row -> row.unconfirmed("sent in a bulk write CXone took (HTTP " + response.status()
                    + "), whose answer names no agents; not read back, so not known to be applied"));
            return followUps;
        }
        Map<Row, JsonNode> results = results(batch, response);
        int applied = 0;
        Map<Row, String> refused = new LinkedHashMap<>();
        for (Row row : batch.rows()) {
            JsonNode result = results.get(row);
            if (result == null) {
                row.unconfirmed("CXone's answer does not report on this assignment; not read back, so not known to be applied");
            } else if (succeeded(result)) {
                row.end(Outcome.APPLIED, null);
                applied++;
            } else {
                refused.put(row, errorOf(result));
            }
        }
        if (!refused.isEmpty()) {
            followUps.addAll(replan(batch, refused, run));
        }
        LOG.debugf("batch %d (%s, %d rows): %d applied, %d refused, %d unreported, %s", batch.number(), label(batch),
                batch.rows().size(), applied, refused.size(), batch.rows().size() - applied - refused.size(), response.ids());
        return followUps;
    }

    /**
     * Each row's result: by agentId (and skillId in the bulk-put dialect) where CXone names them; by position
     * when it names none and answers exactly one result per item sent.
     */
    private static Map<Row, JsonNode> results(Batch batch, CxoneResponse response) {
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
    private static boolean succeeded(JsonNode result) {
        if (CxoneJson.isBool(result.path("success"))) {
            return CxoneJson.bool(result.path("success"), false);
        }
        return CxoneJson.isBool(result.path("error")) && !CxoneJson.bool(result.path("error"), true);
    }

    private static String errorOf(JsonNode result) {
        for (String field : new String[] { "error", "errorMessage", "message", "description" }) {
            JsonNode value = result.path(field);
            if (value.isTextual() && !value.asText().isBlank() && !CxoneJson.isBool(value)) {
                return value.asText();
            }
        }
        return "no reason given";
    }

    /**
     * CXone refused these items. Their agents' assignments are read again and each row planned again, once:
     * one that CXone now holds is unchanged, one whose verb changed (the assignment was made or removed
     * since the read) goes again with the other verb, and one whose verb stands fails with CXone's reason.
     */
    private List<Batch> replan(Batch batch, Map<Row, String> refused, Run run) {
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
            Set<Long> agents = new TreeSet<>();
            Set<Long> skills = new TreeSet<>();
            again.forEach(row -> {
                agents.add(row.agentId());
                skills.add(row.skillId());
            });
            Map<AssignmentKey, Assignment> held = current.read(run.id(), agents, skills, false, "assignments of refused items again");
            Map<String, List<Row>> byVerb = new LinkedHashMap<>();
            for (Row row : again) {
                Assignment now = held.get(new AssignmentKey(row.agentId(), row.skillId()));
                String verb = AssignmentPlanner.verb(row, now);
                if (verb == null) {
                    row.end(Outcome.UNCHANGED, (now == null ? "not assigned in CXone, so nothing to deactivate"
                            : "CXone holds this already") + " (read again after CXone refused the write: " + refused.get(row) + ")");
                } else if (verb.equals(batch.verb())) {
                    fail.put(row, refused.get(row));
                } else {
                    byVerb.computeIfAbsent(verb, v -> new ArrayList<>()).add(row);
                }
            }
            byVerb.forEach((verb, rows) -> followUps.add(new Batch(run.nextBatchNumber(), verb, batch.skillId(), rows)));
        }
        fail.forEach((row, error) -> row.end(Outcome.FAILED, "CXone refused: " + error));
        return followUps;
    }

    /**
     * CXone refused the whole request (400). Split it to isolate the refused items, unless the cause is
     * plainly the request: both halves refused alike, or a reason already seen so this run.
     */
    private List<Batch> refusedAsWhole(Batch batch, CxoneResponse response, Run run) {
        String reason = reasonOf(response);
        String refusal = "CXone refused the request (HTTP 400" + reason + ")";
        Batch.Halves halves = batch.halves();
        if (run.refusesAsWhole(reason)) {
            List<Batch> followUps = splitDeferredFirst(batch, run);
            failAll(batch, response, refusal + " as it refused whole requests before in this run: not split");
            return followUps;
        }
        if (halves != null && !batch.second() && batch.rows().size() > 1 && reason.equals(halves.reason())) {
            // the second half tells whether this refusal is about an item or about the request
            halves.deferFirst(batch);
            return List.of();
        }
        if (halves != null && batch.second() && halves.deferredFirst() != null && reason.equals(halves.reason())) {
            Batch first = halves.takeDeferredFirst();
            run.refusedAsWhole(reason);
            String whole = refusal + ", and both halves of the request alike: the cause is the request, not an item";
            failAll(first, response, whole);
            failAll(batch, response, whole);
            LOG.warnf("batches %d and %d (%s): both halves refused alike%s: not split further, and no batch of this run"
                    + " is split for it", first.number(), batch.number(), label(batch), reason);
            return List.of();
        }
        List<Batch> followUps = new ArrayList<>(splitDeferredFirst(batch, run));
        followUps.addAll(split(batch, response, reason, run));
        return followUps;
    }

    /** The first half waited for this, its second half, which was not refused alike: the first is split now. */
    private List<Batch> splitDeferredFirst(Batch batch, Run run) {
        if (batch.halves() == null || !batch.second() || batch.halves().deferredFirst() == null) {
            return List.of();
        }
        return split(batch.halves().takeDeferredFirst(), null, batch.halves().reason(), run);
    }

    /** Two halves of a refused batch, within the split budget; a lone row refused is failed. */
    private List<Batch> split(Batch batch, CxoneResponse response, String reason, Run run) {
        String refusal = "CXone refused the request (HTTP 400" + reason + ")";
        if (batch.rows().size() == 1) {
            failAll(batch, response, refusal);
            return List.of();
        }
        int[] budget = batch.halves() != null ? batch.halves().budget() : new int[] { splitBudget };
        if (budget[0] < 2) {
            failAll(batch, response, refusal + "; not split further: the " + splitBudget
                    + " requests skillsync.cxone.split.max-requests allows for one batch are spent");
            return List.of();
        }
        budget[0] -= 2;
        Batch.Halves halves = new Batch.Halves(reason, budget);
        int half = batch.rows().size() / 2;
        Batch first = new Batch(run.nextBatchNumber(), batch.verb(), batch.skillId(), batch.rows().subList(0, half),
                halves, false);
        Batch second = new Batch(run.nextBatchNumber(), batch.verb(), batch.skillId(),
                batch.rows().subList(half, batch.rows().size()), halves, true);
        LOG.infof("batch %d (%s, %d rows) refused as a whole (HTTP 400%s): sending it as batches %d and %d",
                batch.number(), label(batch), batch.rows().size(), reason, first.number(), second.number());
        return List.of(first, second);
    }

    /** The request as a whole was refused (4xx): every row of it fails with CXone's reason. */
    private void refused(Batch batch, CxoneResponse response) {
        if (response.status() == 404) {
            directory.forget();
        }
        String reason = "CXone refused the request (HTTP " + response.status() + reasonOf(response) + ")";
        failAll(batch, response, reason);
        LOG.warnf("batch %d (%s, %d rows): %s, %s", batch.number(), label(batch), batch.rows().size(), reason,
                response.ids());
    }

    /** CXone stayed busy, conflicting or unreachable through every retry: the batch's rows fail, the run goes on. */
    public void unreachable(@ExchangeProperty(BATCH) Batch batch, @ExchangeProperty(RunLedger.RUN) Run run,
            @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception cause) {
        RuntimeException failure = CxoneClient.unwrap(cause);
        int status = failure instanceof CxoneException cx ? cx.status() : 0;
        String reason = "not written: " + failure.getMessage();
        if (batch.halves() != null && batch.second() && batch.halves().deferredFirst() != null) {
            failAll(batch.halves().takeDeferredFirst(), status, null, null, null, reason);
        }
        failAll(batch, status, null, null, null, reason);
        journal.answered(run, batch, status, null);
        LOG.warnf("batch %d (%s, %d rows) failed: %s", batch.number(), label(batch), batch.rows().size(),
                failure.getMessage());
    }

    private static void failAll(Batch batch, CxoneResponse response, String reason) {
        if (response == null) {
            failAll(batch, 400, null, null, null, reason);
        } else {
            failAll(batch, response.status(), response.requestId(), response.cxoneRequestId(), response.traceId(), reason);
        }
    }

    /** Every row of the batch fails for one reason (one string for them all: a batch can be 100 rows). */
    private static void failAll(Batch batch, int status, String requestId, String cxoneRequestId, String traceId,
            String reason) {
        for (Row row : batch.rows()) {
            row.sentIn(batch.number(), status, requestId, cxoneRequestId, traceId);
            row.end(Outcome.FAILED, reason);
        }
    }

    private static String label(Batch batch) {
        return batch.bulk() ? "bulk " + batch.verb() : batch.verb() + " skill " + batch.skillId();
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
