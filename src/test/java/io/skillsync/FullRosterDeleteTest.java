package io.skillsync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import io.skillsync.support.Tenants;
import io.skillsync.support.profiles.Bulk;

/**
 * A full roster's leavers unassigned with NICE's DELETE ({@code skillsync.roster.full-removal=delete}), in bulk write
 * mode: the assignments are gone, not inactive, read back as gone, and the undo roster assigns them again.
 */
@QuarkusTest
@TestProfile(Bulk.class)
class FullRosterDeleteTest {

    @Inject
    TenantSimulator tenant;
    @Inject
    TenantDirectory directory;

    @Test
    void leaversAreUnassignedPerSkillEvenInBulkModeAndTheUndoRosterAssignsThemAgain() {
        Tenants.seed(tenant, directory, Tenants.agents(40), TenantSimulator.defaultSkills(),
                Tenants.holding(40, Tenants.RETENTION, 6));
        StringBuilder export = new StringBuilder("email,skill,proficiency\n");
        for (int n = 1; n <= 38; n++) {
            export.append(Tenants.email(n)).append(",Retention,").append(n == 1 ? 2 : 6).append('\n');
        }
        Drop.roster("retention-team.full.csv", export.toString());
        JsonNode run = Drop.awaitRun("retention-team.full.csv");

        assertEquals("complete", run.path("result").asText(), run.toString());
        assertEquals("delete", run.path("full").path("removal").asText());
        assertEquals(2, run.path("counts").path("absent").asInt(), run.toString());
        assertEquals(3, run.path("counts").path("applied").asInt(), run.toString());
        assertNull(tenant.assignment(Tenants.agentId(39), Tenants.RETENTION), "unassigned, not switched off");
        assertNull(tenant.assignment(Tenants.agentId(40), Tenants.RETENTION));
        assertEquals(2, tenant.assignment(Tenants.agentId(1), Tenants.RETENTION).proficiency(), "the bulk write went too");
        List<TenantSimulator.Request> deletes = tenant.requests().stream().filter(r -> r.method().equals("DELETE")).toList();
        assertEquals(1, deletes.size(), "one request for both leavers");
        assertTrue(deletes.get(0).path().endsWith("/skills/" + Tenants.RETENTION + "/agents"), deletes.get(0).path());

        CSVRecord leaver = Drop.audit(run).stream().filter(r -> r.get("source").equals("absent")).findFirst().orElseThrow();
        assertEquals("applied", leaver.get("outcome"));
        assertEquals("", leaver.get("active"), "an unassignment asks for no flag");
        assertEquals("not in the full roster: unassigned (it was proficiency 6, active)", leaver.get("detail"));

        // the undo roster puts them back as they were
        Map<String, String> undo = Drop.csv(Drop.output(run, ".undo.csv")).stream()
                .collect(Collectors.toMap(r -> r.get("agentId"), r -> r.get("proficiency") + " " + r.get("active")));
        assertEquals("6 true", undo.get(String.valueOf(Tenants.agentId(39))), undo.toString());
    }
}
