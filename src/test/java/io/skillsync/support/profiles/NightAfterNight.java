package io.skillsync.support.profiles;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * Every run is a "next night": the kept agents are asked what changed once a run (agents-refresh 0s;
 * ReadsScaleTest, ChangedHoldersTest). Apart from tests that read back writes CXone dropped (SafetyTest): what the
 * service learns of a tenant's holders filter outlives a re-seeded tenant, and would change the request counts.
 * A realistic tenant's whole reads are 50 pages and more, so both ends are paced 2.5 times the other tests' 40 a
 * second (the tenant admits 100 a second, SkillSync sends 6,000 a minute less its 2% margin): what these tests assert
 * is how many requests a run needs, not how fast they go.
 */
public class NightAfterNight implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("skillsync.cxone.reads.agents-refresh", "0s", "skillsync.cxone.requests-per-minute", "6000",
                "skillsync.simulator.rate-limit", "100");
    }
}
