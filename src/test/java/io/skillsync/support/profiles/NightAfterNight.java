package io.skillsync.support.profiles;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * Every run is a "next night": the kept agents are asked what changed once a run (agents-refresh 0s;
 * ReadsScaleTest, ChangedHoldersTest). Apart from tests that read back writes CXone dropped (SafetyTest): what the
 * service learns of a tenant's holders filter outlives a re-seeded tenant, and would change the request counts.
 */
public class NightAfterNight implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("skillsync.cxone.reads.agents-refresh", "0s");
    }
}
