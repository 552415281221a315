package io.skillsync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import io.skillsync.cxone.TenantDirectory;
import io.skillsync.simulator.TenantSimulator;
import io.skillsync.simulator.TenantSimulator.Skill;
import io.skillsync.support.Tenants;
import io.skillsync.support.profiles.KeepDrift;

/**
 * {@code skillsync.roster.full-removal-scope=ours}: a full roster removes only assignments SkillSync itself set; what
 * an admin or another integration assigned stands, named or not.
 */
@QuarkusTest
@TestProfile(KeepDrift.class)
class FullRosterOursTest {

    @Inject
    TenantSimulator tenant;
    @Inject
    TenantDirectory directory;

    /** A skill of this test's own: what SkillSync set is kept per tenant across the suite's runs. */
    static final long DESK = 779003;

    @Test
    void aFullRosterRemovesOnlyWhatSkillSyncSet() {
        // an admin gave agents 1..30 Ours_Desk; SkillSync gives it to 31..35
        List<Skill> skills = new ArrayList<>(TenantSimulator.defaultSkills());
        skills.add(new Skill(DESK, "Ours_Desk", true));
        Tenants.seed(tenant, directory, Tenants.agents(35), skills, Tenants.holding(30, DESK, 8));
        StringBuilder hires = new StringBuilder("email,skill,proficiency\n");
        for (int n = 31; n <= 35; n++) {
            hires.append(Tenants.email(n)).append(",Ours_Desk,5\n");
        }
        Drop.roster("ours-hires.csv", hires.toString());
        assertEquals(5, Drop.awaitRun("ours-hires.csv").path("counts").path("applied").asInt());

        // the full export names 1..28 and 31..33: 29 and 30 were the admin's, 34 and 35 SkillSync's
        StringBuilder export = new StringBuilder("email,skill,proficiency\n");
        for (int n = 1; n <= 33; n++) {
            if (n != 29 && n != 30) {
                export.append(Tenants.email(n)).append(",Ours_Desk,").append(n <= 28 ? 8 : 5).append('\n');
            }
        }
        Drop.roster("ours-team.full.csv", export.toString());
        JsonNode run = Drop.awaitRun("ours-team.full.csv");

        assertEquals("complete", run.path("result").asText(), run.toString());
        assertEquals(2, run.path("counts").path("absent").asInt(), run.toString());
        assertFalse(tenant.assignment(Tenants.agentId(34), DESK).active(), "SkillSync's: removed");
        assertFalse(tenant.assignment(Tenants.agentId(35), DESK).active());
        assertTrue(tenant.assignment(Tenants.agentId(29), DESK).active(), "the admin's: it stands");
        assertTrue(tenant.assignment(Tenants.agentId(30), DESK).active());
    }
}
