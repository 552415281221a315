package io.skillsync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import io.skillsync.cxone.TenantDirectory;
import io.skillsync.simulator.TenantSimulator;
import io.skillsync.simulator.TenantSimulator.Agent;
import io.skillsync.simulator.TenantSimulator.Assignment;
import io.skillsync.support.Tenants;

/**
 * A full roster is the whole truth for its skills (roster-format.md "Full rosters"): HR's nightly export of a
 * team, where an agent who left is an agent the file no longer names.
 */
@QuarkusTest
class FullRosterTest {

    @Inject
    TenantSimulator tenant;
    @Inject
    TenantDirectory directory;

    /**
     * 114 agents hold Retention at 8; one of them is inactive in CXone and one holds it switched off already; 10
     * hold Tier_1_Support too, which the file does not name.
     */
    private void seedRetentionTeam() {
        List<Agent> agents = new ArrayList<>(Tenants.agents(120));
        agents.set(112, new Agent(Tenants.agentId(113), Tenants.email(113), "Agent", "No113", false));
        List<Assignment> held = new ArrayList<>(Tenants.holding(114, Tenants.RETENTION, 8));
        held.set(111, new Assignment(Tenants.agentId(112), Tenants.RETENTION, 8, false));
        held.addAll(Tenants.holding(10, Tenants.TIER_1, 10));
        Tenants.seed(tenant, directory, agents, TenantSimulator.defaultSkills(), held);
    }

    /** Agents 1..105 and 114 as they are, 106 unreadable, 107..113 left out, 115..117 new at 5. */
    private static String nightlyExport() {
        StringBuilder file = new StringBuilder("email,skill,proficiency\n");
        for (int n = 1; n <= 105; n++) {
            file.append(Tenants.email(n)).append(",Retention,8\n");
        }
        file.append(Tenants.email(106)).append(",Retention,twelve\n");
        file.append(Tenants.email(114)).append(",Retention,8\n");
        for (int n = 115; n <= 117; n++) {
            file.append(Tenants.email(n)).append(",Retention,5\n");
        }
        return file.toString();
    }

    @Test
    void leaversAreSwitchedOffWhileInactiveAgentsRejectedRowsAndOtherSkillsAreLeftAlone() {
        seedRetentionTeam();
        // first as a preview: the removals are in the plan, nothing is written
        Drop.roster("retention.full.dryrun.csv", nightlyExport());
        JsonNode preview = Drop.awaitRun("retention.full.dryrun.csv");
        assertEquals(5, preview.path("counts").path("absent").asInt(), preview.toString());
        assertEquals(8, preview.path("counts").path("planned").asInt(), preview.toString());
        assertTrue(tenant.assignment(Tenants.agentId(107), Tenants.RETENTION).active(), "a dry run writes nothing");

        Drop.roster("retention.full.csv", nightlyExport());
        JsonNode run = Drop.awaitRun("retention.full.csv");

        assertEquals("complete", run.path("result").asText(), run.toString());
        assertEquals(1, run.path("full").path("skills").asInt(), run.toString());
        assertEquals("deactivate", run.path("full").path("removal").asText());
        JsonNode counts = run.path("counts");
        assertEquals(5, counts.path("absent").asInt(), run.toString());
        assertEquals(110 + 5, counts.path("rows").asInt(), "each removal is a row of the run");
        assertEquals(3 + 5, counts.path("applied").asInt(), run.toString());
        assertEquals(106, counts.path("unchanged").asInt(), run.toString());
        assertEquals(1, counts.path("rejected").asInt(), run.toString());
        for (int n = 107; n <= 111; n++) {
            Assignment leaver = tenant.assignment(Tenants.agentId(n), Tenants.RETENTION);
            assertFalse(leaver.active(), "agent " + n + " left the team");
            assertEquals(8, leaver.proficiency(), "switched off at the level it had");
        }
        assertTrue(tenant.assignment(Tenants.agentId(106), Tenants.RETENTION).active(), "an unreadable row removes no one");
        assertTrue(tenant.assignment(Tenants.agentId(113), Tenants.RETENTION).active(), "an inactive agent is left alone");
        assertEquals(5, tenant.assignment(Tenants.agentId(116), Tenants.RETENTION).proficiency());
        assertTrue(tenant.assignment(Tenants.agentId(1), Tenants.TIER_1).active(), "a skill the file does not name is no scope");

        List<CSVRecord> absent = Drop.audit(run).stream().filter(r -> r.get("source").equals("absent")).toList();
        assertEquals(5, absent.size());
        CSVRecord first = absent.get(0);
        assertEquals("", first.get("line"));
        assertEquals(Tenants.email(107), first.get("email"));
        assertEquals("Retention", first.get("skill"));
        assertEquals("applied", first.get("outcome"));
        assertTrue(first.get("detail").startsWith("not in the full roster: "), first.get("detail"));

        // the undo roster puts the leavers back
        Map<String, String> undo = Drop.csv(Drop.output(run, ".undo.csv")).stream()
                .collect(Collectors.toMap(r -> r.get("agentId"), r -> r.get("proficiency") + " " + r.get("active")));
        assertEquals("8 true", undo.get(String.valueOf(Tenants.agentId(107))), undo.toString());
    }

    @Test
    void aFullMatrixAnswersForEachOfItsSkillColumnsAndABlankCellIsNoLongerHeld() {
        // 24 agents hold Retention at 8 and Tier_1_Support at 10; the sheet has a column for each
        List<Assignment> held = new ArrayList<>(Tenants.holding(24, Tenants.RETENTION, 8));
        held.addAll(Tenants.holding(24, Tenants.TIER_1, 10));
        Tenants.seed(tenant, directory, Tenants.agents(24), TenantSimulator.defaultSkills(), held);
        StringBuilder sheet = new StringBuilder("email,Team,Retention,Tier_1_Support\n");
        for (int n = 1; n <= 24; n++) {
            // agent 5 has left Retention (a blank cell); agent 24 has left the team (no line at all)
            if (n != 24) {
                sheet.append(Tenants.email(n)).append(",north,").append(n == 5 ? "" : "8").append(",10\n");
            }
        }
        Drop.roster("team-sheet.full.csv", sheet.toString());
        JsonNode run = Drop.awaitRun("team-sheet.full.csv");

        assertEquals("complete", run.path("result").asText(), run.toString());
        assertEquals("matrix", run.path("layout").asText());
        assertEquals(2, run.path("full").path("skills").asInt(), run.toString());
        assertEquals(3, run.path("counts").path("absent").asInt(), run.toString());
        assertFalse(tenant.assignment(Tenants.agentId(5), Tenants.RETENTION).active(), "a blank cell: no longer held");
        assertTrue(tenant.assignment(Tenants.agentId(5), Tenants.TIER_1).active());
        assertFalse(tenant.assignment(Tenants.agentId(24), Tenants.RETENTION).active(), "no line: off both skills");
        assertFalse(tenant.assignment(Tenants.agentId(24), Tenants.TIER_1).active());
    }

    @Test
    void aRemovalCxoneRefusesFailsInTheAuditAndLeavesNoErrorFileWithoutALineToRerun() {
        Tenants.seed(tenant, directory, Tenants.agents(30), TenantSimulator.defaultSkills(),
                Tenants.holding(30, Tenants.RETENTION, 8));
        tenant.faults().refusedAgents.add(Tenants.agentId(30));
        StringBuilder export = new StringBuilder("email,skill,proficiency\n");
        for (int n = 1; n <= 29; n++) {
            export.append(Tenants.email(n)).append(",Retention,8\n");
        }
        Drop.roster("locked-leaver.full.csv", export.toString());
        JsonNode run = Drop.awaitRun("locked-leaver.full.csv");

        assertEquals(1, run.path("counts").path("absent").asInt(), run.toString());
        assertEquals(1, run.path("counts").path("failed").asInt(), run.toString());
        CSVRecord leaver = Drop.audit(run).stream().filter(r -> r.get("source").equals("absent")).findFirst().orElseThrow();
        assertEquals("failed", leaver.get("outcome"));
        assertFalse(run.path("outputs").toString().contains(".errors.csv"), "no error file of a header alone: " + run);
        assertTrue(tenant.assignment(Tenants.agentId(30), Tenants.RETENTION).active());
    }

    @Test
    void aTruncatedExportIsHeldWithNothingWritten() {
        seedRetentionTeam();
        StringBuilder half = new StringBuilder("email,skill,proficiency\n");
        for (int n = 1; n <= 50; n++) {
            half.append(Tenants.email(n)).append(",Retention,8\n");
        }
        Drop.roster("cutshort.full.csv", half.toString());
        JsonNode run = Drop.awaitRun("cutshort.full.csv");

        assertEquals("held", run.path("result").asText(), run.toString());
        assertEquals(62, run.path("counts").path("absent").asInt(), run.toString());
        assertTrue(run.path("heldBecause").toString().contains("the full roster leaves out 62 of its 113 active agents"),
                run.toString());
        assertTrue(tenant.assignment(Tenants.agentId(60), Tenants.RETENTION).active(), "nothing written");
        assertEquals(0, tenant.writes(), "not one write request");
    }
}
