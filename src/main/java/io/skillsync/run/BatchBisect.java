package io.skillsync.run;

import static io.skillsync.cxone.BatchAnswers.failAll;
import static io.skillsync.cxone.BatchAnswers.label;
import static io.skillsync.cxone.BatchAnswers.reasonOf;

import java.util.ArrayList;
import java.util.List;

import org.jboss.logging.Logger;

import io.skillsync.cxone.CxoneResponse;
import io.skillsync.sync.Batch;

/**
 * A batch CXone refused as a whole (400) is sent again as two halves, until the refused items stand alone;
 * splitting stops when both halves are refused for the same reason (the request, not an item, is the
 * cause) or when the batch's split budget ({@code skillsync.cxone.split.max-requests}) is spent.
 */
final class BatchBisect {

    private static final Logger LOG = Logger.getLogger(BatchBisect.class);

    private final int splitBudget;

    BatchBisect(int splitBudget) {
        this.splitBudget = splitBudget;
    }

    /**
     * CXone refused the whole request (400). Split it to isolate the refused items, unless the cause is
     * plainly the request: both halves refused alike, or a reason already seen so this run.
     */
    List<Batch> refusedAsWhole(Batch batch, CxoneResponse response, Run run) {
        String reason = reasonOf(response);
        String refusal = "CXone refused the request (HTTP 400" + reason + ")";
        Batch.Halves halves = batch.halves();
        if (run.batches().refusesAsWhole(reason)) {
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
            run.batches().refusedAsWhole(reason);
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
    List<Batch> splitDeferredFirst(Batch batch, Run run) {
        if (batch.halves() == null || !batch.second() || batch.halves().deferredFirst() == null) {
            return List.of();
        }
        return split(batch.halves().takeDeferredFirst(), null, batch.halves().reason(), run);
    }

    /** Two halves of a refused batch, within the split budget; a lone row refused is failed. */
    List<Batch> split(Batch batch, CxoneResponse response, String reason, Run run) {
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
        Batch first = new Batch(run.batches().nextNumber(), batch.verb(), batch.scope(), batch.rows().subList(0, half),
                halves, false);
        Batch second = new Batch(run.batches().nextNumber(), batch.verb(), batch.scope(),
                batch.rows().subList(half, batch.rows().size()), halves, true);
        LOG.infof("batch %d (%s, %d rows) refused as a whole (HTTP 400%s): sending it as batches %d and %d",
                batch.number(), label(batch), batch.rows().size(), reason, first.number(), second.number());
        return List.of(first, second);
    }
}
