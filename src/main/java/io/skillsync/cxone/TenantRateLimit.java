package io.skillsync.cxone;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import io.skillsync.config.SkillSyncConfig;

/**
 * Turns the tenant's requests-per-minute into the spacing of the one throttle every CXone request
 * passes (route {@code tenant-rate-limit}). One request per interval, never a burst: a tenant that
 * counts over a sliding 60-second window then never sees more than its limit. The interval carries
 * a 2% margin for clock and network jitter between this process and the tenant.
 */
@ApplicationScoped
@Named("tenantRateLimit")
public class TenantRateLimit {

    static final double MARGIN = 1.02;

    private final long intervalMillis;

    TenantRateLimit(SkillSyncConfig config) {
        int perMinute = config.cxone().requestsPerMinute();
        if (perMinute < 1) {
            throw new IllegalArgumentException("skillsync.cxone.requests-per-minute must be at least 1, was " + perMinute);
        }
        this.intervalMillis = (long) Math.ceil(60_000d * MARGIN / perMinute);
    }

    /** Read by the throttle's {@code timePeriodMillis} through {@code {{bean:tenantRateLimit.intervalMillis}}}. */
    public String intervalMillis() {
        return Long.toString(intervalMillis);
    }
}
