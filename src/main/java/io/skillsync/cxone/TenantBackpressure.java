package io.skillsync.cxone;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import org.jboss.logging.Logger;

import io.skillsync.config.PerUnit;
import io.skillsync.config.SkillSyncConfig;

/**
 * What a 429 teaches every request of the process, not just the one that got it (route
 * {@code cxone-attempt} waits {@link #waitMillis()} before the throttle). A {@code Retry-After} pauses all
 * requests until then; any 429 also doubles the spacing between requests (up to 8 times the configured
 * one), and each success takes a tenth of the slowdown back, so a tenant whose real limit is below the
 * configured one is soon met at its own pace.
 */
@ApplicationScoped
@Named("tenantBackpressure")
public class TenantBackpressure {

    private static final Logger LOG = Logger.getLogger(TenantBackpressure.class);
    static final double MAX_SLOWDOWN = 8;

    /** Each unit's pace: a 429 of one tenant slows no other. */
    private final PerUnit<Pace> pace;

    TenantBackpressure(SkillSyncConfig config) {
        // made on the unit's first request, so its settings are the current ones
        this.pace = new PerUnit<>(unit -> new Pace(TenantRateLimit.intervalMillis(config)));
    }

    /** How long the next request waits on top of the throttle's spacing. */
    public long waitMillis() {
        return pace.get().waitMillis();
    }

    public void throttled(Long retryAfterSeconds) {
        pace.get().throttled(retryAfterSeconds);
    }

    public void succeeded() {
        pace.get().succeeded();
    }

    private static final class Pace {
        private final long intervalMillis;
        private double slowdown = 1;
        private long pausedUntil;

        Pace(long intervalMillis) {
            this.intervalMillis = intervalMillis;
        }

        synchronized long waitMillis() {
            long pause = Math.max(0, pausedUntil - System.currentTimeMillis());
            return pause + (long) ((slowdown - 1) * intervalMillis);
        }

        synchronized void throttled(Long retryAfterSeconds) {
            slowdown = Math.min(MAX_SLOWDOWN, slowdown * 2);
            if (retryAfterSeconds != null && retryAfterSeconds > 0) {
                pausedUntil = Math.max(pausedUntil, System.currentTimeMillis() + retryAfterSeconds * 1000);
            }
            LOG.warnf("CXone answered 429: requests now spaced %.0f ms%s", slowdown * intervalMillis,
                    retryAfterSeconds == null ? "" : ", paused " + retryAfterSeconds + " s as Retry-After asks");
        }

        synchronized void succeeded() {
            slowdown = Math.max(1, slowdown - (slowdown - 1) / 10 - 0.01);
        }
    }

    /** Retry-After in seconds; an HTTP-date or garbage counts as absent (exponential backoff applies). */
    static Long retryAfter(String header) {
        if (header == null) {
            return null;
        }
        try {
            return Long.parseLong(header.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
