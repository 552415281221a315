package io.skillsync.support.profiles;

import java.nio.file.Path;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

import io.skillsync.support.WorkDirs;

/**
 * A work dir of its own, emptied at the start (the console's runs chart counts every run there), and rosters of
 * at most 1 MiB (ConsoleUnderLoadTest). Its 15,000-row run reads a 5,000-agent tenant whole (some 150 pages): both ends
 * are paced 2.5 times the other tests' 40 requests a second, as in NightAfterNight; the test asserts the run's rows and
 * pages, not its pace.
 */
public class SmallRosters implements QuarkusTestProfile {

    public static final Path WORK = Path.of("target/console-test-data");
    public static final int MAX_FILE_SIZE = 1024 * 1024;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("skillsync.work-dir", WorkDirs.emptied(WORK), "skillsync.intake.max-file-size", String.valueOf(MAX_FILE_SIZE),
                "skillsync.cxone.requests-per-minute", "6000", "skillsync.simulator.rate-limit", "100");
    }
}
