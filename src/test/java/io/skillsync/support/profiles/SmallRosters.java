package io.skillsync.support.profiles;

import java.nio.file.Path;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

import io.skillsync.support.WorkDirs;

/**
 * A work dir of its own, emptied at the start (the console's runs chart counts every run there), and rosters of
 * at most 1 MiB (ConsoleUnderLoadTest).
 */
public class SmallRosters implements QuarkusTestProfile {

    public static final Path WORK = Path.of("target/console-test-data");
    public static final int MAX_FILE_SIZE = 1024 * 1024;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("skillsync.work-dir", WorkDirs.emptied(WORK), "skillsync.intake.max-file-size", String.valueOf(MAX_FILE_SIZE));
    }
}
