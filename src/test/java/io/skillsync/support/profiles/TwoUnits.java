package io.skillsync.support.profiles;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * Two business units in one process (BusinessUnitsTest): {@code east} on the default simulated tenant with the
 * top level's settings, {@code west} on the simulated tenant {@code west} with its own URLs and credentials.
 */
public class TwoUnits implements QuarkusTestProfile {

    static final String WEST = "http://localhost:${quarkus.http.test-port}/sim/tenants/west";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.ofEntries(Map.entry("skillsync.units", "east,west"),
                Map.entry("skillsync.unit.west.cxone.api-url", WEST + "/inContactAPI/services/v30.0"),
                Map.entry("skillsync.unit.west.cxone.token-url", WEST + "/auth/token"),
                Map.entry("skillsync.unit.west.cxone.discovery-url", WEST),
                Map.entry("skillsync.unit.west.cxone.client-id", "skillsync-dev-west"),
                Map.entry("skillsync.unit.west.cxone.client-secret", "dev-client-secret-west"),
                Map.entry("skillsync.unit.west.cxone.access-key-id", "dev-access-key-west"),
                Map.entry("skillsync.unit.west.cxone.access-key-secret", "dev-access-key-secret-west"),
                // west's own guard: a unit's key wins over the top level's
                Map.entry("skillsync.unit.west.guard.max-deactivations", "3"),
                // west's own folders on HR's SFTP server (with SftpServer; east has the top level's outbox/)
                Map.entry("skillsync.unit.west.sftp.remote-dir", "west-outbox"),
                Map.entry("skillsync.unit.west.sftp.results-dir", "west-results"),
                Map.entry("skillsync.unit.west.sftp.preview-dir", "west-preview"));
    }
}
