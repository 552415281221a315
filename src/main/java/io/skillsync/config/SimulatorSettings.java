package io.skillsync.config;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.WithDefault;

public interface SimulatorSettings {
    @WithDefault("false")
    boolean enabled();

    /** The dialects the simulated tenant speaks (e.g. {@code no-total-records,skip-ignored}); none by default. */
    Optional<java.util.List<String>> dialects();

    /** The tenantId the simulated tenant's id_token carries (for discovery). */
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
