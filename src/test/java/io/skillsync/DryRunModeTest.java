package io.skillsync;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import io.skillsync.cxone.TenantDirectory;
import io.skillsync.simulator.TenantSimulator;
import io.skillsync.support.Rosters;
import io.skillsync.support.Tenants;
import io.skillsync.support.profiles.DryRun;

/** {@code skillsync.mode=dry-run}: every file is read, resolved and diffed, and nothing is written. */
@QuarkusTest
@TestProfile(DryRun.class)
class DryRunModeTest {

    @Inject
    TenantSimulator tenant;
    @Inject
    TenantDirectory directory;

    @Test
    void theSeedStoryIsPlannedNotWritten() {
        Tenants.everyoneOnTier1(tenant, directory, 500);
        Drop.roster("graduation-planned.csv", Rosters.graduation());
        JsonNode run = Drop.awaitRun("graduation-planned.csv");

        assertEquals("dry-run", run.path("mode").asText());
        assertEquals(150, run.path("counts").path("planned").asInt(), run.toString());
        assertEquals(2, run.path("wouldWrite").asInt());
        assertEquals(0, tenant.writes());
        assertEquals(10, tenant.assignment(Tenants.agentId(120), Tenants.TIER_1).proficiency(), "untouched");
    }

    @Test
    void aDryRunOverTheGuardSaysItWouldBeHeld() {
        Tenants.everyoneOnTier1(tenant, directory, 100);
        StringBuilder csv = new StringBuilder("email,skill,proficiency,active\n");
        for (int n = 1; n <= 50; n++) {
            csv.append(Tenants.email(n)).append(",Tier_1_Support,,false\n");
        }
        Drop.roster("half-off.csv", csv.toString());
        JsonNode run = Drop.awaitRun("half-off.csv");
        assertEquals("complete", run.path("result").asText(), run.toString());
        assertEquals(50, run.path("counts").path("planned").asInt());
        assertEquals(1, run.path("wouldBeHeld").size(), run.toString());
        assertEquals(0, tenant.writes());
    }
}
