package io.skillsync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
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
import io.skillsync.support.Tenants;

/**
 * WFM's proficiency matrix (roster-format.md, "Layouts"): a row per agent, a column per skill, told apart from a
 * long roster by its header alone; each non-blank cell is a row of the run, named by line and column.
 */
@QuarkusTest
class MatrixRosterTest {

    @Inject
    TenantSimulator tenant;
    @Inject
    TenantDirectory directory;

    @Test
    void eachCellIsARowItsErrorFileHoldsOnlyTheCellsToFixAndReruns() throws IOException {
        Tenants.everyoneOnTier1(tenant, directory, 10);
        String matrix = String.join("\n",
                "email,Name,Team,Tier_1_Support,retention,Tier 2 Suport,Status",
                Tenants.email(1) + ",Ann Lee,north,5,,2,active",          // line 2: T1 -> 5
                Tenants.email(2) + ",Bo Chan,north,10,3,,",                // line 3: T1 unchanged, Retention 3
                Tenants.email(3) + ",Cy Dow,south,off,twelve,,",           // line 4: T1 off; Retention rejected
                "nobody@example.com,Di Eng,south,4,,,",                     // line 5: unknown agent
                Tenants.email(4) + ",Ed Fox,west,,,,");                     // line 6: nothing said
        Drop.roster("matrix.csv", matrix);
        JsonNode run = Drop.awaitRun("matrix.csv");

        assertEquals("matrix", run.path("layout").asText(), run.toString());
        assertEquals(List.of("Name", "Team", "Tier 2 Suport", "Status"), texts(run.path("ignoredColumns")));
        assertEquals("Tier_2_Support", run.path("columnHints").path("Tier 2 Suport").path(0).asText(), run.toString());
        Map<String, String> outcomes = Drop.audit(run).stream()
                .collect(Collectors.toMap(r -> r.get("line") + " " + r.get("skill"), r -> r.get("outcome")));
        assertEquals(Map.of("2 Tier_1_Support", "applied", "3 Tier_1_Support", "unchanged", "3 retention", "applied",
                "4 Tier_1_Support", "applied", "4 retention", "rejected", "5 Tier_1_Support", "rejected"), outcomes);
        assertEquals(6, run.path("counts").path("rows").asInt());
        assertEquals(5, tenant.assignment(Tenants.agentId(1), Tenants.TIER_1).proficiency());
        assertEquals(3, tenant.assignment(Tenants.agentId(2), Tenants.RETENTION).proficiency());
        assertEquals(false, tenant.assignment(Tenants.agentId(3), Tenants.TIER_1).active(), "off deactivates");
        assertEquals(10, tenant.assignment(Tenants.agentId(3), Tenants.TIER_1).proficiency(), "and keeps the level");

        List<CSVRecord> errors = Drop.errors(run);
        assertEquals(2, errors.size(), "one line per agent line with a cell to fix");
        CSVRecord cy = errors.stream().filter(r -> r.get("email").equals(Tenants.email(3))).findFirst().orElseThrow();
        assertEquals("", cy.get("Tier_1_Support"), "a cell that went through is not sent again");
        assertEquals("twelve", cy.get("retention"));
        assertTrue(cy.get("error").startsWith("line 4, retention: proficiency 'twelve'"), cy.get("error"));
        CSVRecord nobody = errors.stream().filter(r -> r.get("email").equals("nobody@example.com")).findFirst().orElseThrow();
        assertTrue(nobody.get("error").startsWith("line 5, Tier_1_Support: email: no agent"), nobody.get("error"));

        // HR fixes the error file and drops it again: it is a matrix too
        var errorFile = Drop.output(run, ".errors.csv");
        Drop.roster(errorFile.getFileName().toString(), Files.readString(errorFile).replace("twelve", "7")
                .replace("nobody@example.com", Tenants.email(5)));
        JsonNode rerun = Drop.awaitRun(errorFile.getFileName().toString());
        assertEquals("matrix", rerun.path("layout").asText());
        assertEquals(2, rerun.path("counts").path("applied").asInt(), rerun.toString());
        assertEquals(7, tenant.assignment(Tenants.agentId(3), Tenants.RETENTION).proficiency());
        assertEquals(4, tenant.assignment(Tenants.agentId(5), Tenants.TIER_1).proficiency());
    }

    @Test
    void aMatrixWithoutASkillColumnIsNoRosterAndSaysWhatItMayHaveMeant() throws IOException {
        Tenants.everyoneOnTier1(tenant, directory, 3);
        Drop.roster("nosuchskill.csv", "email,Name,Tier 1 Suport\n" + Tenants.email(1) + ",Ann,5\n");
        JsonNode run = Drop.awaitRun("nosuchskill.csv");

        assertEquals("unreadable", run.path("result").asText(), run.toString());
        assertTrue(run.path("reason").asText().contains("none of its other columns is a skill in CXone; 'Tier 1 Suport'"
                + " (did you mean 'Tier_1_Support'"), run.path("reason").asText());
        assertEquals(10, tenant.assignment(Tenants.agentId(1), Tenants.TIER_1).proficiency(), "nothing written");
    }

    @Test
    void aLongRosterWithAMisspeltSkillIsToldTheNearestName() throws IOException {
        Tenants.everyoneOnTier1(tenant, directory, 3);
        Drop.roster("typo.csv", "email,skill,proficiency,Profciency note\n" + Tenants.email(1) + ",Tier 1 Suport,5,x\n");
        JsonNode run = Drop.awaitRun("typo.csv");

        assertEquals("long", run.path("layout").asText());
        assertEquals(List.of("Profciency note"), texts(run.path("ignoredColumns")));
        String detail = Drop.audit(run).get(0).get("detail");
        assertTrue(detail.endsWith("no skill named 'Tier 1 Suport' in CXone (did you mean 'Tier_1_Support' or 'Tier_2_Support'?)"),
                detail);
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }
}
