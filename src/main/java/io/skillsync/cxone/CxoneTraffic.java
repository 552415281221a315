package io.skillsync.cxone;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Counts what SkillSync asked of CXone since the process started, for the run summaries (a run reads a
 * snapshot before and after; files run one at a time, so the difference is the run's) and for the
 * metrics: {@code skillsync_cxone_requests_total{kind,status}}, {@code skillsync_cxone_request_seconds}
 * (histogram), {@code skillsync_cxone_throttled_total}, {@code skillsync_cxone_retries_total}.
 */
@ApplicationScoped
@Named("cxoneTraffic")
public class CxoneTraffic implements Processor {

    private final AtomicLong reads = new AtomicLong();
    private final AtomicLong writes = new AtomicLong();
    private final AtomicLong tokens = new AtomicLong();
    private final AtomicLong throttled = new AtomicLong();
    private final AtomicLong retried = new AtomicLong();
    private final MeterRegistry metrics;
    private final Counter throttledCounter;
    private final Counter retriesCounter;

    /** When each request of the last minute was sent (ms), for the console's "requests used of the limit". */
    private final java.util.concurrent.ConcurrentLinkedDeque<Long> lastMinute = new java.util.concurrent.ConcurrentLinkedDeque<>();
    private volatile java.time.Instant lastThrottled;

    /** What a request means to the run under way: progress (RunStatus, set once it exists). */
    private volatile Runnable heartbeat = () -> { };

    public void onProgress(Runnable heartbeat) {
        this.heartbeat = heartbeat;
    }

    CxoneTraffic(MeterRegistry metrics) {
        this.metrics = metrics;
        this.throttledCounter = Counter.builder("skillsync.cxone.throttled")
                .description("CXone answers 429 (over the rate limit)").register(metrics);
        this.retriesCounter = Counter.builder("skillsync.cxone.retries")
                .description("CXone requests sent again after a 429, 5xx, 401 or timeout").register(metrics);
    }

    public void sent(String kind) {
        heartbeat.run();
        long now = System.currentTimeMillis();
        lastMinute.addLast(now);
        forgetBefore(now - 60_000);
        switch (kind) {
            case "write" -> writes.incrementAndGet();
            case "token" -> tokens.incrementAndGet();
            default -> reads.incrementAndGet();
        }
    }

    /** CXone answered a request of {@code kind} with {@code status} after {@code elapsed}. */
    public void answered(String kind, int status, Duration elapsed) {
        heartbeat.run();
        metrics.counter("skillsync.cxone.requests", "kind", kind, "status", String.valueOf(status)).increment();
        Timer.builder("skillsync.cxone.request").description("time CXone took to answer").tag("kind", kind)
                .publishPercentileHistogram().register(metrics).record(elapsed);
    }

    public void throttled() {
        lastThrottled = java.time.Instant.now();
        throttled.incrementAndGet();
        throttledCounter.increment();
    }

    public void retried() {
        retried.incrementAndGet();
        retriesCounter.increment();
    }

    /** Called by the error handler before each redelivery ({@code onRedeliveryRef: cxoneTraffic}). */
    @Override
    public void process(Exchange exchange) {
        retried();
    }

    /** Requests sent to CXone in the last 60 seconds (tokens included: they count against the tenant's limit too). */
    public int sentInLastMinute() {
        forgetBefore(System.currentTimeMillis() - 60_000);
        return lastMinute.size();
    }

    /** When CXone last answered 429, or null since the start. */
    public java.time.Instant lastThrottled() {
        return lastThrottled;
    }

    private void forgetBefore(long oldest) {
        Long first;
        while ((first = lastMinute.peekFirst()) != null && first < oldest) {
            lastMinute.pollFirst();
        }
    }

    public Snapshot snapshot() {
        return new Snapshot(reads.get(), writes.get(), tokens.get(), throttled.get(), retried.get());
    }

    public record Snapshot(long read, long write, long token, long throttled429, long retried) {
        public Snapshot since(Snapshot start) {
            return new Snapshot(read - start.read, write - start.write, token - start.token,
                    throttled429 - start.throttled429, retried - start.retried);
        }
    }
}
