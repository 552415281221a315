package io.skillsync.support.profiles;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * Readiness asks the token endpoint at most every 200 ms (5 min by default), so a refusal shows within
 * seconds of a health probe (ObservabilityTest); SafetyTest shares its start.
 */
public class FreshReadiness implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("skillsync.health.token-check-interval", "200ms");
    }
}
