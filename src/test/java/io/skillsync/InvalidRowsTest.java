package io.skillsync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

/** A file with wrong rows: each gets its own outcome and reason, the error file holds only those, and reruns. */
@QuarkusTest
class InvalidRowsTest {

    @Inject
    TenantSimulator tenant;
    @Inject
    TenantDirectory directory;

    @Test
    void wrongRowsAreRejectedWithLineAndFieldAndTheCorrectedErrorFileAppliesThem() throws IOException {
        Tenants.everyoneOnTier1(tenant, directory, 20);
        String roster = String.join("\r\n",
                "\uFEFF Email Address ,skill_name,Proficiency Level,isActive,team",
                Tenants.email(1) + ",Retention,5,true,north",                  // 2 applied (POST)
                Tenants.email(2) + ",Tier_1_Support,10,true,north",            // 3 unchanged (CXone holds it)
                "",                                                             // 4 blank: skipped
                Tenants.email(3) + ",Tier_1_Support,21,true,south",            // 5 rejected: proficiency
                Tenants.email(4) + ",Retention,five,maybe,south",              // 6 rejected: proficiency and active
                "nobody@example.com,Retention,5,true,east",                     // 7 rejected: unknown agent
                Tenants.email(5) + ",Sales,5,true,\"east, upstairs\"",         // 8 rejected: unknown skill
                Tenants.email(6) + ",retention,4,Y,west",                      // 9 applied: skill differs only in case
                Tenants.email(7) + ",Retention,3,true,west",                   // 10 rejected: conflicts with 11
                Tenants.email(7) + ",Retention,2,true,west",                   // 11 rejected: conflicts with 10
                Tenants.email(8) + ",Retention,6,true,west",                   // 12 applied
                Tenants.email(8) + ",Retention,06,true,west",                  // 13 unchanged: duplicate of 12
                Tenants.email(9) + ",Tier_1_Support,,false,west",              // 14 applied: deactivated, level kept
                Tenants.email(10) + ",Retention,,false,west",                  // 15 unchanged: nothing to deactivate
                Tenants.email(11) + ",Retention,,true,west");                  // 16 rejected: proficiency required
        Drop.roster("monday.csv", roster);
        JsonNode run = Drop.awaitRun("monday.csv");

        Map<String, String> outcomeByLine = Drop.audit(run).stream()
                .collect(Collectors.toMap(r -> r.get("line"), r -> r.get("outcome")));
        assertEquals(Map.ofEntries(Map.entry("2", "applied"), Map.entry("3", "unchanged"), Map.entry("5", "rejected"),
                Map.entry("6", "rejected"), Map.entry("7", "rejected"), Map.entry("8", "rejected"),
                Map.entry("9", "applied"), Map.entry("10", "rejected"), Map.entry("11", "rejected"),
                Map.entry("12", "applied"), Map.entry("13", "unchanged"), Map.entry("14", "applied"),
                Map.entry("15", "unchanged"), Map.entry("16", "rejected")), outcomeByLine);
        assertEquals(14, run.path("counts").path("rows").asInt());
        assertEquals(4 + 3 + 7, run.path("counts").path("applied").asInt() + run.path("counts").path("unchanged").asInt()
                + run.path("counts").path("rejected").asInt());
        assertEquals(10, tenant.assignment(Tenants.agentId(9), Tenants.TIER_1).proficiency(), "deactivation keeps the level");
        assertEquals(false, tenant.assignment(Tenants.agentId(9), Tenants.TIER_1).active());

        List<CSVRecord> errors = Drop.errors(run);
        assertEquals(List.of("Email Address", "skill_name", "Proficiency Level", "isActive", "team", "error"),
                errors.get(0).getParser().getHeaderNames().stream().map(String::strip).toList());
        Map<String, String> reasons = errors.stream().collect(Collectors.toMap(r -> r.get(0), r -> r.get("error"),
                (a, b) -> a + " | " + b));
        assertEquals(7, errors.size());
        assertTrue(reasons.get(Tenants.email(3)).contains("line 5: proficiency '21'"), reasons.toString());
        assertTrue(reasons.get(Tenants.email(4)).contains("proficiency 'five'")
                && reasons.get(Tenants.email(4)).contains("active 'maybe'"), reasons.toString());
        assertTrue(reasons.get("nobody@example.com").contains("line 7: email"), reasons.toString());
        assertTrue(reasons.get(Tenants.email(5)).contains("line 8: skill: no skill named 'Sales'"), reasons.toString());
        assertTrue(reasons.get(Tenants.email(7)).contains("lines 10, 11"), reasons.toString());
        assertEquals("east, upstairs", errors.stream().filter(r -> r.get(0).equals(Tenants.email(5))).findFirst()
                .orElseThrow().get("team"), "unknown columns are kept as they were");

        // the operator fixes the error file in place and moves it back into the inbox
        Path errorFile = Drop.output(run, ".errors.csv");
        String fixed = Files.readString(errorFile)
                .replace(Tenants.email(3) + ",Tier_1_Support,21", Tenants.email(3) + ",Tier_1_Support,2")
                .replace(",Retention,five,maybe", ",Retention,5,no")
                .replace("nobody@example.com", Tenants.email(12))
                .replace(",Sales,", ",Tier_2_Support,")
                .replace(Tenants.email(7) + ",Retention,3", Tenants.email(13) + ",Retention,3")
                .replace(Tenants.email(11) + ",Retention,,true", Tenants.email(11) + ",Retention,7,true");
        Drop.roster(errorFile.getFileName().toString(), fixed);
        JsonNode rerun = Drop.awaitRun(errorFile.getFileName().toString());
        assertEquals(7, rerun.path("counts").path("rows").asInt());
        assertEquals(6, rerun.path("counts").path("applied").asInt(), rerun.toString());
        // email(4) asked for an inactive Retention it never had: nothing to deactivate
        assertEquals(1, rerun.path("counts").path("unchanged").asInt(), rerun.toString());
        assertEquals(2, tenant.assignment(Tenants.agentId(3), Tenants.TIER_1).proficiency());
        assertEquals(5, tenant.assignment(Tenants.agentId(5), Tenants.TIER_2).proficiency());
        assertEquals(7, tenant.assignment(Tenants.agentId(11), Tenants.RETENTION).proficiency());
    }
}
