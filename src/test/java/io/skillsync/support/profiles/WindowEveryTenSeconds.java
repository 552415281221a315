package io.skillsync.support.profiles;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** A maintenance window that opens every 10 seconds for 5 (MaintenanceWindowTest): every run waits for it. */
public class WindowEveryTenSeconds implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("skillsync.window.cron", "0/10 * * * * ?", "skillsync.window.duration", "5s");
    }
}
