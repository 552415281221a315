package io.skillsync.sync;

import java.util.List;

/**
 * One write request's worth of rows.
 *
 * @param number  1-based, in the order the run sends them; recorded on each row's audit line
 * @param verb    POST (assign) or PUT (change); a bulk batch carries its dialect's verb
 * @param skillId the skill of a per-skill batch; 0 for a bulk batch
 * @param halves  when this batch is half of one CXone refused as a whole (400), what the two halves share
 * @param second  whether this is the second of those halves
 */
public record Batch(int number, Verb verb, long skillId, List<Row> rows, Halves halves, boolean second) {

    public Batch(int number, Verb verb, long skillId, List<Row> rows) {
        this(number, verb, skillId, rows, null, false);
    }

    public boolean bulk() {
        return skillId == 0;
    }

    /**
     * The two halves of a batch CXone refused as a whole. The first half refused for the same reason
     * waits for the second: if the second is refused for that reason too, the cause is the request, not
     * an item, and splitting stops. The split budget is shared by every split of one planned batch.
     */
    public static final class Halves {
        private final String reason;
        private final int[] budget;
        private Batch deferredFirst;

        public Halves(String reason, int[] budget) {
            this.reason = reason;
            this.budget = budget;
        }

        public String reason() {
            return reason;
        }

        /** Requests splitting may still spend, shared by the whole family. */
        public int[] budget() {
            return budget;
        }

        public Batch deferredFirst() {
            return deferredFirst;
        }

        public void deferFirst(Batch first) {
            this.deferredFirst = first;
        }

        /** The deferred first half, once: taken by whoever settles it. */
        public Batch takeDeferredFirst() {
            Batch first = deferredFirst;
            deferredFirst = null;
            return first;
        }
    }
}
