package io.skillsync;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.skillsync.cxone.TenantDirectory;
import io.skillsync.simulator.TenantSimulator;
import io.skillsync.support.Tenants;

/**
 * HR's own words (roster-format.md, "Mappings"): skill codes and level words or scores mapped by the files under
 * mappings/, read at each run's start and recorded by their sha256; a malformed one stops the run, naming the
 * line, and the file waits in the inbox until it is put right.
 */
@QuarkusTest
class HrWordsTest {

    static final Path MAPPINGS = Drop.WORK.resolve("mappings");

    @Inject
    TenantSimulator tenant;
    @Inject
    TenantDirectory directory;

    @AfterEach
    void noMappingsForTheNextTest() throws IOException {
        Files.deleteIfExists(MAPPINGS.resolve("skills.csv"));
        Files.deleteIfExists(MAPPINGS.resolve("levels.csv"));
    }

    @Test
    void hrCodesWordsAndScoresReachCxoneAsItsNamesAndLevels() throws Exception {
        Tenants.everyoneOnTier1(tenant, directory, 8);
        Files.createDirectories(MAPPINGS);
        Files.writeString(MAPPINGS.resolve("skills.csv"), "hr,skill,locale\nT1,Tier_1_Support,\nRET,Retention,\n"
                + "Support,Tier_2_Support,de-de\n");
        Files.writeString(MAPPINGS.resolve("levels.csv"), "hr,proficiency\nexpert,1\nintermediate,5\nnovice,12\n"
                + "90..100,2\n50..89.99,8\n0..49.99,off\n");
        Drop.roster("hr-words.csv", String.join("\n",
                "email,skill,level,language",
                Tenants.email(1) + ",T1,expert,",           // 2 Tier_1_Support at 1
                Tenants.email(2) + ",RET,novice,",          // 3 Retention at 12
                Tenants.email(3) + ",T1,95,",               // 4 a score: 2, not proficiency 95
                Tenants.email(4) + ",T1,20,",               // 5 a score of 20: off
                Tenants.email(5) + ",Support,intermediate,de-de", // 6 the locale's own skill
                Tenants.email(6) + ",T1,great,"));          // 7 neither a level nor mapped
        JsonNode run = Drop.awaitRun("hr-words.csv");

        assertEquals(1, tenant.assignment(Tenants.agentId(1), Tenants.TIER_1).proficiency());
        assertEquals(12, tenant.assignment(Tenants.agentId(2), Tenants.RETENTION).proficiency());
        assertEquals(2, tenant.assignment(Tenants.agentId(3), Tenants.TIER_1).proficiency());
        assertEquals(false, tenant.assignment(Tenants.agentId(4), Tenants.TIER_1).active());
        assertEquals(5, tenant.assignment(Tenants.agentId(5), Tenants.TIER_2).proficiency());
        Map<String, String> byLine = Drop.audit(run).stream().collect(Collectors.toMap(r -> r.get("line"),
                r -> r.get("outcome") + " " + r.get("mapping") + " " + r.get("detail")));
        assertTrue(byLine.get("2").startsWith("applied skills.csv line 2; levels.csv line 2"), byLine.toString());
        assertTrue(byLine.get("6").startsWith("applied skills.csv line 4; levels.csv line 3"), byLine.toString());
        assertTrue(byLine.get("7").contains("proficiency 'great' is not a whole number from 1 (highest) to 20 nor a"
                + " level mappings/levels.csv maps (expert, intermediate, novice, 0..49.99"), byLine.toString());
        assertEquals(sha256(MAPPINGS.resolve("levels.csv")), run.path("mappings").path("mappings/levels.csv").asText(),
                run.toString());
        assertEquals(sha256(MAPPINGS.resolve("skills.csv")), run.path("mappings").path("mappings/skills.csv").asText());
        // the run's page on the console says which mapping lines a row went through (as a preview's does)
        var login = given().redirects().follow(false).formParam("j_username", "victor").formParam("j_password", "viewing")
                .post("/j_security_check");
        String page = given().cookies(login.getCookies()).get("/console/run?id=" + run.path("runId").asText()).asString();
        assertTrue(page.contains("[mapped by skills.csv line 2; levels.csv line 2]"), page);
    }

    @Test
    void aMalformedMappingStopsTheRunNamingTheLineAndTheFileRunsOnceItIsPutRight() throws Exception {
        Tenants.everyoneOnTier1(tenant, directory, 3);
        Files.createDirectories(MAPPINGS);
        Files.writeString(MAPPINGS.resolve("levels.csv"), "hr,proficiency\nexpert,1\nguru,25\n");
        Drop.roster("waits.csv", "email,skill,proficiency\n" + Tenants.email(1) + ",Tier_1_Support,expert\n");
        JsonNode stopped = Drop.awaitRun("waits.csv");

        assertEquals("stopped", stopped.path("result").asText(), stopped.toString());
        assertTrue(stopped.path("stoppedBecause").asText().contains("mappings/levels.csv line 3: the proficiency '25'"),
                stopped.toString());
        assertTrue(Files.exists(Drop.WORK.resolve("inbox/waits.csv")), "the file waits in the inbox");
        assertEquals(10, tenant.assignment(Tenants.agentId(1), Tenants.TIER_1).proficiency(), "nothing written");

        Files.writeString(MAPPINGS.resolve("levels.csv"), "hr,proficiency\nexpert,1\nguru,2\n");
        JsonNode complete = await().atMost(Duration.ofSeconds(30)).until(() -> Drop.summaries(Drop.WORK).stream()
                .filter(s -> s.path("file").asText().equals("waits.csv") && s.path("result").asText().equals("complete"))
                .findFirst(), java.util.Optional::isPresent).get();
        assertEquals(1, complete.path("counts").path("applied").asInt(), complete.toString());
        assertEquals(1, tenant.assignment(Tenants.agentId(1), Tenants.TIER_1).proficiency());
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
