package io.skillsync.support.profiles;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * One write per skill against WireMock (WireFormatTest): nothing read back, as WireMock answers the same
 * whatever was written. Its own start in any case: the test's WireMock is restricted to its class.
 */
public class PerSkillOnWireMock implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("skillsync.cxone.write-mode", "per-skill", "skillsync.verify.enabled", "false");
    }
}
