package io.skillsync.support.profiles;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** {@code skillsync.mode=dry-run}: every file read, resolved and diffed, nothing written (DryRunModeTest). */
public class DryRun implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("skillsync.mode", "dry-run");
    }
}
