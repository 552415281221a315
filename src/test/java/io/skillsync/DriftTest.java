package io.skillsync;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import io.skillsync.cxone.TenantDirectory;
import io.skillsync.simulator.TenantSimulator;
import io.skillsync.simulator.TenantSimulator.Assignment;
import io.skillsync.simulator.TenantSimulator.Skill;
import io.skillsync.support.Tenants;

/**
 * Drift (operations.md, "Drift"), with the default {@code on-drift=overwrite}: an admin changes two assignments
 * SkillSync set; the drift report names both without a roster, and the next night's roster writes them back, naming
 * the drift in its summary, its audit and the metric.
 */
@QuarkusTest
class DriftTest {

    /** A skill of this test's own: what other tests set on the shared work dir is never weighed here. */
    static final long DESK = 779_001;
    static final String ROSTER = "email,skill,proficiency\n" + Tenants.email(1) + ",Drift_Desk,5\n" + Tenants.email(2)
            + ",Drift_Desk,5\n" + Tenants.email(3) + ",Drift_Desk,5\n";

    @Inject
    TenantSimulator tenant;
    @Inject
    TenantDirectory directory;

    @Test
    void anAdminsChangesAreReportedThenWrittenBackAndNamedByTheNextNight() throws Exception {
        List<Skill> skills = new ArrayList<>(TenantSimulator.defaultSkills());
        skills.add(new Skill(DESK, "Drift_Desk", true));
        Tenants.seed(tenant, directory, Tenants.agents(5), skills, List.of(new Assignment(Tenants.agentId(3), DESK, 7, true)));
        Drop.roster("drift-night-1.csv", ROSTER);
        JsonNode first = Drop.awaitRun("drift-night-1.csv");
        assertEquals(3, first.path("counts").path("applied").asInt(), first.toString());
        assertTrue(first.path("drift").isMissingNode(), "no drift on SkillSync's first write: " + first);

        // the admin UI, between two nights: one raised to 9, one switched off
        assertEquals(null, tenant.write("PUT", Tenants.agentId(1), DESK, 9, true));
        assertEquals(null, tenant.write("PUT", Tenants.agentId(2), DESK, null, false));

        long writes = tenant.writes();
        given().get("/ops/drift").then().statusCode(401);
        String body = given().auth().preemptive().basic("victor", "viewing").get("/ops/drift").then().statusCode(200)
                .extract().asString();
        System.out.println("GET /ops/drift: " + body);
        JsonNode report = new ObjectMapper().readTree(body);
        Map<Long, JsonNode> onDesk = StreamSupport.stream(report.path("items").spliterator(), false)
                .filter(item -> item.path("skillId").asLong() == DESK)
                .collect(Collectors.toMap(item -> item.path("agentId").asLong(), item -> item));
        assertEquals(2, onDesk.size(), body);
        JsonNode raised = onDesk.get(Tenants.agentId(1));
        assertEquals("5, active", raised.path("set").asText());
        assertEquals("9, active", raised.path("now").asText());
        assertEquals("not SkillSync", raised.path("setBy").asText());
        assertEquals(first.path("runId").asText(), raised.path("setIn").asText());
        assertEquals(Tenants.email(1), raised.path("agent").asText());
        assertEquals("Drift_Desk", raised.path("skill").asText());
        assertEquals("5, inactive", onDesk.get(Tenants.agentId(2)).path("now").asText());
        assertEquals(writes, tenant.writes(), "a report writes nothing");

        double before = ObservabilityTest.scrape().getOrDefault("skillsync_drift_total", 0.0);
        Drop.roster("drift-night-2.csv", ROSTER);
        JsonNode second = Drop.awaitRun("drift-night-2.csv");
        System.out.println("drift in the summary: " + second.path("drift"));
        assertEquals(2, second.path("counts").path("applied").asInt(), "overwrite: the roster is the truth: " + second);
        assertEquals(5, tenant.assignment(Tenants.agentId(1), DESK).proficiency(), "written back");
        assertTrue(tenant.assignment(Tenants.agentId(2), DESK).active());
        assertEquals(2, second.path("drift").path("count").asInt(), second.toString());
        JsonNode item = second.path("drift").path("items").get(0);
        assertEquals(Tenants.agentId(1), item.path("agentId").asLong());
        assertEquals(DESK, item.path("skillId").asLong());
        assertEquals("5, active", item.path("set").asText());
        assertEquals("9, active", item.path("now").asText());
        assertEquals("not SkillSync", item.path("setBy").asText());

        Map<String, CSVRecord> audit = Drop.audit(second).stream().collect(Collectors.toMap(r -> r.get("email"), r -> r));
        assertEquals("applied", audit.get(Tenants.email(1)).get("outcome"));
        assertTrue(audit.get(Tenants.email(1)).get("drift").contains("CXone now holds 9, active (set by not SkillSync)"),
                audit.get(Tenants.email(1)).get("drift"));
        assertTrue(audit.get(Tenants.email(2)).get("drift").contains("CXone now holds 5, inactive"));
        assertEquals("", audit.get(Tenants.email(3)).get("drift"), "no drift, no words");
        assertEquals(before + 2, ObservabilityTest.scrape().get("skillsync_drift_total"), "the metric counts drift met");

        String after = given().auth().preemptive().basic("victor", "viewing").get("/ops/drift").then().statusCode(200)
                .extract().asString();
        assertFalse(StreamSupport.stream(new ObjectMapper().readTree(after).path("items").spliterator(), false)
                .anyMatch(i -> i.path("skillId").asLong() == DESK), "written back: no drift left on the skill: " + after);
        // the console shows the run's drift, and the report, to whoever signs in
        var login = given().redirects().follow(false).formParam("j_username", "victor").formParam("j_password", "viewing")
                .post("/j_security_check");
        String runPage = given().cookies(login.getCookies()).get("/console/run?id=" + second.path("runId").asText()).asString();
        assertTrue(runPage.contains("id=\"run-drift\"") && runPage.contains("9, active"), runPage);
        String reportPage = given().cookies(login.getCookies()).get("/console/drift").asString();
        assertTrue(reportPage.contains("id=\"drift-count\""), reportPage);
    }
}
