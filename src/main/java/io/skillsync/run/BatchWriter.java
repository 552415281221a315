package io.skillsync.run;

import static io.skillsync.cxone.BatchAnswers.errorOf;
import static io.skillsync.cxone.BatchAnswers.failAll;
import static io.skillsync.cxone.BatchAnswers.label;
import static io.skillsync.cxone.BatchAnswers.reasonOf;
import static io.skillsync.cxone.BatchAnswers.results;
import static io.skillsync.cxone.BatchAnswers.succeeded;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.jboss.logging.Logger;

import io.skillsync.config.SkillSyncConfig;
import io.skillsync.cxone.BatchRequests;
import io.skillsync.cxone.CxoneClient;
import io.skillsync.cxone.CxoneException;
import io.skillsync.cxone.CxoneRequest;
import io.skillsync.cxone.CxoneResponse;
import io.skillsync.cxone.TenantDirectory;
import io.skillsync.record.RunJournal;
import io.skillsync.sync.Batch;
import io.skillsync.sync.Outcome;
import io.skillsync.sync.Row;
import io.skillsync.sync.Verb;

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

    private static final Logger LOG = Logger.getLogger(BatchWriter.class);

    private final TenantDirectory directory;
    private final RunProgress progress;
    private final BatchRequests requests;
    private final BatchBisect bisect;
    private final RefusedItems refusedItems;
    private final RunJournal journal;

    BatchWriter(ObjectMapper json, TenantDirectory directory, HeldAssignments current, RunProgress progress,
            SkillSyncConfig config, RunJournal journal) {
        this.journal = journal;
        this.directory = directory;
        this.progress = progress;
        this.requests = new BatchRequests(json, config.cxone().bulkSkillItem());
        this.bisect = new BatchBisect(config.cxone().split().maxRequests());
        this.refusedItems = new RefusedItems(current);
    }

    public CxoneRequest request(@Body Batch batch, @ExchangeProperty(RunProperties.RUN) Run run) throws JsonProcessingException {
        CxoneRequest request = requests.of(batch);
        // on disk before it is sent: a write CXone takes is never unrecorded
        journal.sending(run.id(), batch);
        return request;
    }

    /** Settles the batch's rows from CXone's answer; returns the follow-up batches it leaves (often none). */
    public List<Batch> record(@Body CxoneResponse response, @ExchangeProperty(RunProperties.BATCH) Batch batch,
            @ExchangeProperty(RunProperties.RUN) Run run) {
        run.writes().wrote();
        List<Batch> followUps = settle(response, batch, run);
        journal.answered(run.id(), batch, response.status(), response.requestId());
        // after settling, so the line counts this batch's rows too
        progress.wrote(run);
        return followUps;
    }

    private List<Batch> settle(CxoneResponse response, Batch batch, Run run) {
        if (response.status() == 400) {
            return bisect.refusedAsWhole(batch, response, run);
        }
        List<Batch> followUps = new ArrayList<>(bisect.splitDeferredFirst(batch, run));
        if (response.status() / 100 != 2) {
            refused(batch, response);
            return followUps;
        }
        for (Row row : batch.rows()) {
            row.sentIn(batch.number(), response.status(), response.requestId(), response.cxoneRequestId(),
                    response.traceId());
        }
        if (batch.bulk() && batch.verb() == Verb.POST) {
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
            followUps.addAll(refusedItems.replan(batch, refused, run));
        }
        LOG.debugf("batch %d (%s, %d rows): %d applied, %d refused, %d unreported, %s", batch.number(), label(batch),
                batch.rows().size(), applied, refused.size(), batch.rows().size() - applied - refused.size(), response.ids());
        return followUps;
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
    public void unreachable(@ExchangeProperty(RunProperties.BATCH) Batch batch, @ExchangeProperty(RunProperties.RUN) Run run,
            @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception cause) {
        RuntimeException failure = CxoneClient.unwrap(cause);
        int status = failure instanceof CxoneException cx ? cx.status() : 0;
        String reason = "not written: " + failure.getMessage();
        if (batch.halves() != null && batch.second() && batch.halves().deferredFirst() != null) {
            failAll(batch.halves().takeDeferredFirst(), status, null, null, null, reason);
        }
        // what failed may come after CXone's answer settled some rows (their refused items read again): those keep it
        List<Row> open = batch.rows().stream().filter(Row::open).toList();
        failAll(new Batch(batch.number(), batch.verb(), batch.scope(), open), status, null, null, null, reason);
        journal.answered(run.id(), batch, status, null);
        LOG.warnf("batch %d (%s, %d rows) failed: %s", batch.number(), label(batch), batch.rows().size(),
                failure.getMessage());
    }

}
