package io.skillsync.support.profiles;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The {@code bulk-put} dialect's write against WireMock (BulkPutWireFormatTest), nothing read back. Its own
 * start in any case: the test's WireMock is restricted to its class.
 */
public class BulkPutOnWireMock implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("skillsync.cxone.write-mode", "bulk-put", "skillsync.verify.enabled", "false");
    }
}
