package io.skillsync.cxone;

import io.skillsync.config.SkillSyncConfig;

/**
 * The spacing of a unit's requests to its tenant: the throttle of route {@code tenant-rate-limit} lets one
 * request through per interval, reads and writes alike, 2 % under {@code skillsync.cxone.requests-per-minute}
 * so that clocks and the tenant's own window never tip it over.
 */
public final class TenantRateLimit {

    static final double MARGIN = 1.02;

    private TenantRateLimit() {
    }

    /** The interval, passed to each unit's route as {@code rateIntervalMillis}. */
    public static long intervalMillis(SkillSyncConfig settings) {
        int perMinute = settings.cxone().requestsPerMinute();
        if (perMinute < 1) {
            throw new IllegalArgumentException("skillsync.cxone.requests-per-minute must be at least 1, was " + perMinute);
        }
        return (long) Math.ceil(60_000d * MARGIN / perMinute);
    }
}
