package io.skillsync.support.profiles;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** {@code skillsync.sync.on-drift=keep}: what another party changed since SkillSync set it stands (DriftKeptTest). */
public class KeepDrift implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("skillsync.sync.on-drift", "keep");
    }
}
