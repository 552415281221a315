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
import io.skillsync.support.profiles.Bulk;

/** The seed story in bulk mode: 150 changes of two skills, mixed, in ceil(150/100) = 2 writes, settled by read-back. */
@QuarkusTest
@TestProfile(Bulk.class)
class BulkSeedStoryTest {

    @Inject
    TenantSimulator tenant;
    @Inject
    TenantDirectory directory;

    @Test
    void graduationTakesTwoBulkWrites() {
        Tenants.everyoneOnTier1(tenant, directory, 500);
        Drop.roster("graduation-bulk.csv", Rosters.graduation());
        JsonNode run = Drop.awaitRun("graduation-bulk.csv");

        assertEquals(150, run.path("counts").path("applied").asInt(), run.toString());
        assertEquals(2, tenant.writes());
        assertEquals(2, tenant.count("POST", "/agents/skills"), "NICE's bulk write");
        assertEquals(5, tenant.assignment(Tenants.agentId(42), Tenants.RETENTION).proficiency());
        assertEquals(1, tenant.assignment(Tenants.agentId(142), Tenants.TIER_1).proficiency());
        assertEquals(0, tenant.tooManyRequests());
    }
}
