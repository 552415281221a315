package io.skillsync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import io.skillsync.cxone.TenantDirectory;
import io.skillsync.simulator.TenantSimulator;
import io.skillsync.support.Rosters;
import io.skillsync.support.Tenants;

/**
 * The story SkillSync exists for: a training class graduates (100 new agents get Retention at 5) and 50
 * veterans are promoted to Tier_1_Support 1, in a 500-agent tenant. Two writes; the same file again, none.
 */
@QuarkusTest
class SeedStoryTest {

    @Inject
    TenantSimulator tenant;
    @Inject
    TenantDirectory directory;

    @Test
    void graduationTakesTwoWritesAndTheSameFileAgainTakesNone() {
        Tenants.everyoneOnTier1(tenant, directory, 500);

        Drop.roster("graduation.csv", Rosters.graduation());
        JsonNode first = Drop.awaitRun("graduation.csv");
        Drop.awaitGone("graduation.csv");

        System.out.printf("seed story figures: %s, %d batches, %s -> %s%n", first.path("requests"),
                first.path("batches").asInt(), first.path("started").asText(), first.path("finished").asText());
        assertEquals(150, first.path("counts").path("rows").asInt());
        assertEquals(150, first.path("counts").path("applied").asInt(), first.toString());
        assertEquals(2, tenant.writes(), "one POST for Retention, one PUT for Tier_1_Support");
        assertEquals(1, tenant.count("POST", "/skills/" + Tenants.RETENTION + "/agents"));
        assertEquals(1, tenant.count("PUT", "/skills/" + Tenants.TIER_1 + "/agents"));
        assertEquals(2, first.path("requests").path("write").asInt());
        assertEquals(0, tenant.tooManyRequests(), "paced under the tenant's limit");
        for (int n = 1; n <= 100; n++) {
            assertEquals(new TenantSimulator.Assignment(Tenants.agentId(n), Tenants.RETENTION, 5, true),
                    tenant.assignment(Tenants.agentId(n), Tenants.RETENTION));
        }
        for (int n = 101; n <= 150; n++) {
            assertEquals(1, tenant.assignment(Tenants.agentId(n), Tenants.TIER_1).proficiency());
        }
        assertEquals(10, tenant.assignment(Tenants.agentId(151), Tenants.TIER_1).proficiency(), "others untouched");

        List<CSVRecord> audit = Drop.audit(first);
        assertEquals(150, audit.size());
        CSVRecord promoted = audit.get(100);
        assertEquals("102", promoted.get("line"));
        assertEquals("applied", promoted.get("outcome"));
        assertEquals("10", promoted.get("previousProficiency"));
        assertEquals("1", promoted.get("proficiency"));
        assertTrue(promoted.get("requestId").length() > 0, "the write's X-Request-Id is on the audit line");
        assertTrue(Files.exists(Drop.WORK.resolve(first.path("outputs").get(0).asText())), "the file is in processed/");

        tenant.forgetRequests();
        Drop.roster("graduation.csv", Rosters.graduation());
        JsonNode again = Drop.awaitRun("graduation.csv", first.path("runId").asText());
        assertEquals(150, again.path("counts").path("unchanged").asInt(), again.toString());
        assertEquals(0, tenant.writes());
        assertEquals(0, again.path("requests").path("write").asInt());
        assertTrue(again.path("outputs").get(0).asText().contains(again.path("runId").asText()),
                "the second graduation.csv is archived beside the first, under its runId: " + again.path("outputs"));
    }
}
