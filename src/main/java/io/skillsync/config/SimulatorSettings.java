package io.skillsync.config;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.WithDefault;

public interface SimulatorSettings {
    @WithDefault("false")
    boolean enabled();

    /** The dialects the simulated tenant speaks (e.g. {@code no-total-records,skip-ignored}); none by default. */
    Optional<java.util.List<String>> dialects();

    /**
     * More simulated tenants beside the default one, by name (letters, digits, {@code -}; e.g. {@code west,north}),
     * so that tests of several business units in one deployment (issue 27) meet tenants that share nothing:
     * tenant {@code <t>} answers under {@code /sim/tenants/<t>}, with its own state, limit, faults, request log and
     * credentials (the default tenant's, each suffixed {@code -<t>}). None by default.
     */
    Optional<java.util.List<String>> tenants();

    /** The tenantId the simulated tenant's id_token carries (for discovery); a named tenant's is this one {@code -<t>}. */
    @WithDefault("sim-tenant-0001")
    String tenantId();

    @WithDefault("3600s")
    Duration tokenLifetime();

    /** Requests the tenant admits per {@link #rateWindow()}, counted over a sliding window. */
    @WithDefault("200")
    int rateLimit();

    @WithDefault("60s")
    Duration rateWindow();

    /** The OAuth client and access key the simulated tenant accepts (dev and test values only). */
    Credentials credentials();

    interface Credentials {
        @WithDefault("skillsync-dev")
        String clientId();

        @WithDefault("dev-client-secret")
        String clientSecret();

        @WithDefault("dev-access-key")
        String accessKeyId();

        @WithDefault("dev-access-key-secret")
        String accessKeySecret();
    }
}
