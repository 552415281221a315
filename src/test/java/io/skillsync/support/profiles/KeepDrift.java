package io.skillsync.support.profiles;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * Another party's assignments stand: {@code skillsync.sync.on-drift=keep}, what it changed since SkillSync set it
 * stays (DriftKeptTest); {@code full-removal-scope=ours}, a full roster removes only what SkillSync set
 * (FullRosterOursTest).
 */
public class KeepDrift implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("skillsync.sync.on-drift", "keep", "skillsync.roster.full-removal-scope", "ours");
    }
}
