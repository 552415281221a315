package io.skillsync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import io.skillsync.cxone.TenantDirectory;
import io.skillsync.simulator.TenantSimulator;
import io.skillsync.support.Tenants;
import io.skillsync.support.profiles.Watched;

/**
 * The guard weighs deactivations of a skill across files within its period (before: three files switching
 * off 10, 9 and 8 of a skill's agents each passed, 27% of the skill in 90 s), and can hold a mass add.
 */
@QuarkusTest
@TestProfile(Watched.class)
class RollingGuardTest {

    static final long SALES = 112237;

    @Inject
    TenantSimulator tenant;
    @Inject
    TenantDirectory directory;

    static String deactivate(int from, int to) {
        StringBuilder csv = new StringBuilder("email,skill,proficiency,active\n");
        for (int n = from; n <= to; n++) {
            csv.append(Tenants.email(n)).append(",Sales_Escalations,,false\n");
        }
        return csv.toString();
    }

    @Test
    void deactivationsOfASkillAddUpAcrossFiles() throws Exception {
        Tenants.seed(tenant, directory, Tenants.agents(100), TenantSimulator.defaultSkills(), Tenants.holding(100, SALES, 4));

        Drop.roster("qa-monday.csv", deactivate(1, 10));
        JsonNode first = Drop.awaitRun("qa-monday.csv");
        assertEquals(10, first.path("counts").path("applied").asInt(), "10 of 100: at the limit, not over: " + first);

        tenant.forgetRequests();
        Drop.roster("qa-monday-2.csv", deactivate(11, 19));
        JsonNode second = Drop.awaitRun("qa-monday-2.csv");
        assertEquals("held", second.path("result").asText(), second.toString());
        assertEquals(0, tenant.writes(), "nothing written");
        String why = Files.readString(Drop.WORK.resolve(second.path("outputs").get(1).asText()));
        assertTrue(why.contains("the file would deactivate 9 of its 100 active agents, after 10 deactivated by earlier runs (19%)"),
                why);
        assertTrue(tenant.assignment(Tenants.agentId(11), SALES).active());
    }

    @Test
    void aMassAddToOneSkillCanBeHeld() {
        Tenants.everyoneOnTier1(tenant, directory, 100);
        StringBuilder csv = new StringBuilder("email,skill,proficiency,active\n");
        for (int n = 1; n <= 30; n++) {
            csv.append("new").append(n).append("@example.com,Tier_1_Support,1,true\n");
        }
        List<TenantSimulator.Agent> agents = new ArrayList<>(tenant.agents());
        for (int n = 1; n <= 60; n++) {
            agents.add(new TenantSimulator.Agent(600_000 + n, "new" + n + "@example.com", "New", "No" + n, true));
        }
        Tenants.seed(tenant, directory, agents, TenantSimulator.defaultSkills(), tenant.assignments());
        StringBuilder many = new StringBuilder("email,skill,proficiency,active\n");
        for (int n = 1; n <= 60; n++) {
            many.append("new").append(n).append("@example.com,Tier_1_Support,1,true\n");
        }
        Drop.roster("mass-add.csv", many.toString());
        JsonNode run = Drop.awaitRun("mass-add.csv");
        assertEquals("held", run.path("result").asText(), "60 new holders for a skill of 100, over 50%: " + run);
        assertEquals(0, tenant.writes());
    }
}
