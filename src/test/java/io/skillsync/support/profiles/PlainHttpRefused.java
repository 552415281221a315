package io.skillsync.support.profiles;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * Plain http refused as outside the simulator and the tests (PlainHttpTest): an http:// CXone URL, and Basic
 * credentials to /ops over plain http from another host. Apart from NoAccessKey: a missing key is said before an
 * http token URL, so either test would read the other's reason.
 */
public class PlainHttpRefused implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("skillsync.cxone.allow-http", "false", "skillsync.ops.allow-plain-http", "false");
    }
}
