package io.skillsync;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

import io.quarkus.test.junit.callback.QuarkusTestBeforeClassCallback;

/**
 * Before each test class: no tenant directory kept on disk by another test application. The test
 * applications share one work dir but not one tenant (the simulator re-seeded, WireMock), and SkillSync
 * keeps the agents and skills it read under {@code .directory/} across restarts, as it should in production.
 */
public class FreshTenantDirectory implements QuarkusTestBeforeClassCallback {

    @Override
    public void beforeClass(Class<?> testClass) {
        try {
            for (String kept : new String[] { "agents.json", "skills.json" }) {
                Files.deleteIfExists(Drop.WORK.resolve(".directory").resolve(kept));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
