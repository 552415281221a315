package io.skillsync.support.profiles;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** No access key configured (NoAccessKeyTest): no token is asked for and the intake stays closed. */
public class NoAccessKey implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("skillsync.cxone.access-key-id", "", "skillsync.cxone.access-key-secret", "");
    }
}
