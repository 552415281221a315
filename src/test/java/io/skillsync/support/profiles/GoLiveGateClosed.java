package io.skillsync.support.profiles;

import java.nio.file.Path;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

import io.skillsync.support.WorkDirs;

/**
 * The go-live gate on, against a tenant that ignores {@code skip} (GoLiveGateTest): the intake stays closed.
 * A work dir of its own, emptied at the start, so that no pass kept by another test opens it.
 */
public class GoLiveGateClosed implements QuarkusTestProfile {

    public static final Path WORK = Path.of("target/test-data-go-live-closed");

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("skillsync.intake.go-live-probe", "true", "skillsync.simulator.dialects", "skip-ignored",
                "skillsync.work-dir", WorkDirs.emptied(WORK));
    }
}
