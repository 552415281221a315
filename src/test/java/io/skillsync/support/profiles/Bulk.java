package io.skillsync.support.profiles;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * NICE's bulk write ({@code POST /agents/skills}, 100 a request) against the simulator, read back (BulkSeedStoryTest);
 * and a full roster's leavers unassigned with NICE's DELETE, which is per skill in either mode (FullRosterDeleteTest).
 */
public class Bulk implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("skillsync.cxone.write-mode", "bulk", "skillsync.roster.full-removal", "delete");
    }
}
