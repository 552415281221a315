package io.skillsync.support.profiles;

import java.nio.file.Path;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

import io.skillsync.support.WorkDirs;

/**
 * The go-live gate on, against the matching default tenant (GoLiveGateOpensTest): the probe passes and opens
 * the intake. A work dir of its own, emptied at the start, so that the pass it keeps is its own.
 */
public class GoLiveGateOpen implements QuarkusTestProfile {

    public static final Path WORK = Path.of("target/test-data-go-live-open");

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("skillsync.intake.go-live-probe", "true", "skillsync.work-dir", WorkDirs.emptied(WORK));
    }
}
