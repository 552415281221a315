package io.skillsync.cxone;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

import io.skillsync.config.PerUnit;
import io.skillsync.config.Unit;
import io.skillsync.config.Units;

/**
 * Counts what SkillSync asked of CXone since the process started, for the run summaries (a run reads a
 * snapshot before and after; files run one at a time, so the difference is the run's) and for the
 * metrics: {@code skillsync_cxone_requests_total{kind,status}}, {@code skillsync_cxone_request_seconds}
 * (histogram), {@code skillsync_cxone_throttled_total}, {@code skillsync_cxone_retries_total}.
 */
@ApplicationScoped
@Named("cxoneTraffic")
public class CxoneTraffic implements Processor {

    /** What this bean keeps of one unit's tenant, for each unit ({@link PerUnit}). */
    private final PerUnit<Counts> state = new PerUnit<>(unit -> new Counts());
    private final MeterRegistry metrics;


    /** What a request means to the run under way: progress (RunStatus, set once it exists). */
    private volatile Runnable heartbeat = () -> { };

    public void onProgress(Runnable heartbeat) {
        this.heartbeat = heartbeat;
    }

    CxoneTraffic(MeterRegistry metrics, Units units) {
        this.metrics = metrics;
        for (Unit unit : units.all()) {
            throttledCounter(unit);
            retriesCounter(unit);
        }
    }

    public void sent(String kind) {
        Counts kept = state.get();
        heartbeat.run();
        long now = System.currentTimeMillis();
        kept.lastMinute.addLast(now);
        forgetBefore(now - 60_000);
        switch (kind) {
            case "write" -> kept.writes.incrementAndGet();
            case "token" -> kept.tokens.incrementAndGet();
            default -> kept.reads.incrementAndGet();
        }
    }

    /** CXone answered a request of {@code kind} with {@code status} after {@code elapsed}. */
    public void answered(String kind, int status, Duration elapsed) {
        heartbeat.run();
        Tags unit = Units.tags();
        metrics.counter("skillsync.cxone.requests", unit.and("kind", kind, "status", String.valueOf(status))).increment();
        Timer.builder("skillsync.cxone.request").description("time CXone took to answer").tags(unit).tag("kind", kind)
                .publishPercentileHistogram().register(metrics).record(elapsed);
    }

    public void throttled() {
        Counts kept = state.get();
        kept.lastThrottled = java.time.Instant.now();
        kept.throttled.incrementAndGet();
        throttledCounter(Units.now()).increment();
    }

    public void retried() {
        state.get().retried.incrementAndGet();
        retriesCounter(Units.now()).increment();
    }

    /** Called by the error handler before each redelivery ({@code onRedeliveryRef: cxoneTraffic}). */
    @Override
    public void process(Exchange exchange) {
        retried();
    }

    private Counter throttledCounter(Unit unit) {
        return Counter.builder("skillsync.cxone.throttled").tags(Units.tags(unit))
                .description("CXone answers 429 (over the rate limit)").register(metrics);
    }

    private Counter retriesCounter(Unit unit) {
        return Counter.builder("skillsync.cxone.retries").tags(Units.tags(unit))
                .description("CXone requests sent again after a 429, 5xx, 401 or timeout").register(metrics);
    }

    /** Requests sent to CXone in the last 60 seconds (tokens included: they count against the tenant's limit too). */
    public int sentInLastMinute() {
        forgetBefore(System.currentTimeMillis() - 60_000);
        return state.get().lastMinute.size();
    }

    /** When CXone last answered 429, or null since the start. */
    public java.time.Instant lastThrottled() {
        return state.get().lastThrottled;
    }

    private void forgetBefore(long oldest) {
        Counts kept = state.get();
        Long first;
        while ((first = kept.lastMinute.peekFirst()) != null && first < oldest) {
            kept.lastMinute.pollFirst();
        }
    }

    public Snapshot snapshot() {
        Counts counts = state.get();
        return new Snapshot(counts.reads.get(), counts.writes.get(), counts.tokens.get(), counts.throttled.get(),
                counts.retried.get());
    }

    public record Snapshot(long read, long write, long token, long throttled429, long retried) {
        public Snapshot since(Snapshot start) {
            return new Snapshot(read - start.read, write - start.write, token - start.token,
                    throttled429 - start.throttled429, retried - start.retried);
        }
    }

    private static final class Counts {
        final AtomicLong reads = new AtomicLong();
        final AtomicLong writes = new AtomicLong();
        final AtomicLong tokens = new AtomicLong();
        final AtomicLong throttled = new AtomicLong();
        final AtomicLong retried = new AtomicLong();
        /** When each request of the last minute was sent (ms), for the console's "requests used of the limit". */
        final java.util.concurrent.ConcurrentLinkedDeque<Long> lastMinute = new java.util.concurrent.ConcurrentLinkedDeque<>();
        volatile java.time.Instant lastThrottled;
    }
}
