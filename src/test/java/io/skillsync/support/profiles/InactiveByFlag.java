package io.skillsync.support.profiles;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * Inactive assignments told by their flag, and assignments asked with {@code isAgentActive=true}
 * (DialectSettingsStoryTest: the dialect story under these read settings).
 */
public class InactiveByFlag implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("skillsync.cxone.reads.inactive-assignments", "by-flag",
                "skillsync.cxone.reads.assignments-query", "isAgentActive=true");
    }
}
