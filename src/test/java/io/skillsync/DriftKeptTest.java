package io.skillsync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import io.skillsync.cxone.TenantDirectory;
import io.skillsync.simulator.TenantSimulator;
import io.skillsync.simulator.TenantSimulator.Skill;
import io.skillsync.support.Tenants;
import io.skillsync.support.profiles.KeepDrift;

/**
 * {@code skillsync.sync.on-drift=keep}: what an admin changed since SkillSync set it stands; the rows meeting it end
 * unchanged, naming what SkillSync set, in which run, and what CXone holds now.
 */
@QuarkusTest
@TestProfile(KeepDrift.class)
class DriftKeptTest {

    /** A skill of this test's own (DriftTest has another): the work dir's record of other tests never meets it. */
    static final long DESK = 779_002;
    static final String ROSTER = "email,skill,proficiency\n" + Tenants.email(1) + ",Drift_Kept,5\n" + Tenants.email(2)
            + ",Drift_Kept,5\n" + Tenants.email(3) + ",Drift_Kept,5\n" + Tenants.email(4) + ",Drift_Kept,5\n";

    @Inject
    TenantSimulator tenant;
    @Inject
    TenantDirectory directory;

    @Test
    void theOtherPartysChangeStandsAndEachKeptRowNamesIt() {
        List<Skill> skills = new ArrayList<>(TenantSimulator.defaultSkills());
        skills.add(new Skill(DESK, "Drift_Kept", true));
        Tenants.seed(tenant, directory, Tenants.agents(5), skills, List.of());
        Drop.roster("drift-kept-1.csv", ROSTER);
        JsonNode first = Drop.awaitRun("drift-kept-1.csv");
        assertEquals(4, first.path("counts").path("applied").asInt(), first.toString());

        // the admin UI: one raised to 9, one removed; and one that HR's next roster follows (8)
        assertNull(tenant.write("PUT", Tenants.agentId(1), DESK, 9, true));
        assertTrue(tenant.deleteAssignment(Tenants.agentId(2), DESK));
        assertNull(tenant.write("PUT", Tenants.agentId(4), DESK, 8, true));
        long writes = tenant.writes();
        Drop.roster("drift-kept-2.csv", ROSTER.replace(Tenants.email(4) + ",Drift_Kept,5", Tenants.email(4) + ",Drift_Kept,8"));
        JsonNode second = Drop.awaitRun("drift-kept-2.csv");

        assertEquals("complete", second.path("result").asText(), second.toString());
        assertEquals(4, second.path("counts").path("unchanged").asInt(), second.toString());
        assertEquals(writes, tenant.writes(), "nothing written: CXone's values stand");
        assertEquals(9, tenant.assignment(Tenants.agentId(1), DESK).proficiency());
        assertNull(tenant.assignment(Tenants.agentId(2), DESK), "still removed");
        assertEquals(3, second.path("drift").path("count").asInt(), second.toString());

        Map<String, CSVRecord> audit = Drop.audit(second).stream().collect(Collectors.toMap(r -> r.get("email"), r -> r));
        String set = "SkillSync set 5, active in run " + first.path("runId").asText();
        assertEquals("kept as CXone holds it (skillsync.sync.on-drift=keep): " + set
                + "; CXone now holds 9, active (set by not SkillSync)", audit.get(Tenants.email(1)).get("detail"));
        assertEquals("9", audit.get(Tenants.email(1)).get("previousProficiency"));
        assertTrue(audit.get(Tenants.email(2)).get("detail").endsWith(set + "; CXone now holds not assigned (set by not SkillSync)"),
                audit.get(Tenants.email(2)).get("detail"));
        // HR followed the admin: nothing to settle, and SkillSync takes the value over (no drift the next night)
        assertTrue(audit.get(Tenants.email(4)).get("detail").startsWith("CXone already holds proficiency 8"),
                audit.get(Tenants.email(4)).get("detail"));
        assertEquals("", audit.get(Tenants.email(3)).get("drift"));

        Drop.roster("drift-kept-3.csv", ROSTER.replace(Tenants.email(4) + ",Drift_Kept,5", Tenants.email(4) + ",Drift_Kept,8"));
        JsonNode third = Drop.awaitRun("drift-kept-3.csv");
        assertEquals(2, third.path("drift").path("count").asInt(), "still kept, still named; agent 4 taken over: " + third);
        assertEquals(writes, tenant.writes());
    }
}
