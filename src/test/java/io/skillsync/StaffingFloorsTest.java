package io.skillsync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import io.skillsync.cxone.TenantDirectory;
import io.skillsync.simulator.TenantSimulator;
import io.skillsync.simulator.TenantSimulator.Assignment;
import io.skillsync.support.Tenants;

/**
 * What a skill must keep (the guard's staffing floors and its limit on downgrades): a file that would leave a queue
 * with too few agents good enough to take its calls is held, whatever else it does. The tests' settings keep
 * Billing at 8 agents of proficiency 5 or better ({@code %test.skillsync.guard.floor.Billing=8@5}).
 */
@QuarkusTest
class StaffingFloorsTest {

    static final long BILLING = 112236;

    @Inject
    TenantSimulator tenant;
    @Inject
    TenantDirectory directory;

    @Test
    void aFileThatWouldTakeASkillBelowItsFloorIsHeldWithItsCoverageBeforeAndAfter() {
        // 12 agents of 30 take Billing's hard calls (proficiency 3); the file re-levels 6 of them to 15
        List<Assignment> held = new ArrayList<>();
        for (int n = 1; n <= 30; n++) {
            held.add(new Assignment(Tenants.agentId(n), BILLING, n <= 12 ? 3 : 12, true));
        }
        Tenants.seed(tenant, directory, Tenants.agents(30), TenantSimulator.defaultSkills(), held);
        StringBuilder file = new StringBuilder("email,skill,proficiency\n");
        for (int n = 1; n <= 6; n++) {
            file.append(Tenants.email(n)).append(",Billing,15\n");
        }
        Drop.roster("billing-relevel.csv", file.toString());
        JsonNode run = Drop.awaitRun("billing-relevel.csv");

        assertEquals("held", run.path("result").asText(), run.toString());
        assertEquals("skill Billing (112236): 12 -> 6 active agents at proficiency 5 or better; its floor is 8 active"
                + " agents at proficiency 5 or better (skillsync.guard.floor.Billing)", run.path("heldBecause").path(0).asText());
        assertEquals(1, run.path("heldBecause").size(), "6 of 30 lowered is within the downgrade limit: " + run);
        assertEquals(3, tenant.assignment(Tenants.agentId(1), BILLING).proficiency(), "nothing written");
        assertEquals(0, tenant.writes());

        // the same file for two agents keeps the floor: it passes
        Drop.roster("billing-two.csv", "email,skill,proficiency\n" + Tenants.email(1) + ",Billing,15\n"
                + Tenants.email(2) + ",Billing,15\n");
        JsonNode two = Drop.awaitRun("billing-two.csv");
        assertEquals("complete", two.path("result").asText(), two.toString());
        assertEquals(15, tenant.assignment(Tenants.agentId(1), BILLING).proficiency());
    }

    @Test
    void aFileThatLowersManyOfASkillsExpertsByManyLevelsIsHeld() {
        // 30 agents hold Retention at 1, the best; the file makes 10 of them 20, the least
        Tenants.seed(tenant, directory, Tenants.agents(30), TenantSimulator.defaultSkills(),
                Tenants.holding(30, Tenants.RETENTION, 1));
        StringBuilder file = new StringBuilder("email,skill,proficiency\n");
        for (int n = 1; n <= 10; n++) {
            file.append(Tenants.email(n)).append(",Retention,20\n");
        }
        Drop.roster("retention-down.csv", file.toString());
        JsonNode run = Drop.awaitRun("retention-down.csv");

        assertEquals("held", run.path("result").asText(), run.toString());
        assertTrue(run.path("heldBecause").path(0).asText().startsWith("skill Retention (112235): the file would lower 10 of"
                + " its 30 active agents by more than 10 levels (33%); the limit is 20%"), run.toString());
        assertEquals(1, tenant.assignment(Tenants.agentId(1), Tenants.RETENTION).proficiency(), "nothing written");
    }
}
