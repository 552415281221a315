package io.skillsync.support.profiles;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * NICE's bulk write against WireMock (BulkWireFormatTest): nothing read back, as WireMock answers the same
 * whatever was written. Its own start in any case: the test's WireMock is restricted to its class.
 */
public class BulkOnWireMock implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("skillsync.cxone.write-mode", "bulk", "skillsync.verify.enabled", "false");
    }
}
