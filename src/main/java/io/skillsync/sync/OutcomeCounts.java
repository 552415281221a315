package io.skillsync.sync;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * How many of a run's rows have each outcome, kept as each row's outcome is set ({@link Row#countedIn}).
 * Other threads (the metrics' scrape, the console) read these rather than the rows, which only the run's
 * own thread may touch.
 */
public final class OutcomeCounts {

    private static final Outcome[] OUTCOMES = Outcome.values();

    private final AtomicIntegerArray counts = new AtomicIntegerArray(OUTCOMES.length);

    /** A row's outcome was set to {@code to}; {@code from} null when it had none before. */
    void moved(Outcome from, Outcome to) {
        if (from != null) {
            counts.decrementAndGet(from.ordinal());
        }
        counts.incrementAndGet(to.ordinal());
    }

    public int of(Outcome outcome) {
        return counts.get(outcome.ordinal());
    }

    /** Rows that have their outcome. */
    public int settled() {
        int settled = 0;
        for (int i = 0; i < OUTCOMES.length; i++) {
            settled += counts.get(i);
        }
        return settled;
    }

    /** Every outcome with its count, 0 included, in the enum's order. */
    public Map<Outcome, Integer> asMap() {
        Map<Outcome, Integer> map = new EnumMap<>(Outcome.class);
        for (Outcome outcome : OUTCOMES) {
            map.put(outcome, of(outcome));
        }
        return map;
    }
}
