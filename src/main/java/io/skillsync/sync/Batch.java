package io.skillsync.sync;

import java.util.List;

/**
 * One write request's worth of rows.
 *
 * @param number  1-based, in the order the run sends them; recorded on each row's audit line
 * @param verb    POST (assign) or PUT (change); a bulk batch carries its dialect's verb
 * @param scope   one skill's agents, or a bulk write whose rows name their own skills
 * @param halves  when this batch is half of one CXone refused as a whole (400), what the two halves share
 * @param second  whether this is the second of those halves
 */
public record Batch(int number, Verb verb, Scope scope, List<Row> rows, Halves halves, boolean second) {

    public Batch(int number, Verb verb, Scope scope, List<Row> rows) {
        this(number, verb, scope, rows, null, false);
    }

    /** What one write request covers: one skill's agents ({@code /skills/{id}/agents}), or a bulk write. */
    public sealed interface Scope {
        /** NICE's bulk write ({@code /agents/skills}): each row names its own skill. */
        Scope BULK = new Bulk();

        static Scope skill(long skillId) {
            return new Skill(skillId);
        }

        record Skill(long skillId) implements Scope {
        }

        record Bulk() implements Scope {
        }
    }

    public boolean bulk() {
        return scope instanceof Scope.Bulk;
    }

    /** The skill of a per-skill batch; 0 for a bulk batch (as the journal writes it). */
    public long skillId() {
        return scope instanceof Scope.Skill skill ? skill.skillId() : 0;
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
