package io.skillsync.cxone;

import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Counts what SkillSync asked of CXone since the process started. A run reads a snapshot before and
 * after, and reports the difference; files are processed one at a time, so the difference is the run's.
 */
@ApplicationScoped
@Named("cxoneTraffic")
public class CxoneTraffic implements Processor {

    private final AtomicLong reads = new AtomicLong();
    private final AtomicLong writes = new AtomicLong();
    private final AtomicLong tokens = new AtomicLong();
    private final AtomicLong throttled = new AtomicLong();
    private final AtomicLong retried = new AtomicLong();

    public void sent(String kind) {
        switch (kind) {
            case "write" -> writes.incrementAndGet();
            case "token" -> tokens.incrementAndGet();
            default -> reads.incrementAndGet();
        }
    }

    public void throttled() {
        throttled.incrementAndGet();
    }

    public void retried() {
        retried.incrementAndGet();
    }

    /** Called by the error handler before each redelivery ({@code onRedeliveryRef: cxoneTraffic}). */
    @Override
    public void process(Exchange exchange) {
        retried();
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
