package io.skillsync;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.skillsync.config.Units;
import io.skillsync.cxone.TenantDirectory;
import io.skillsync.intake.IntakeOpening;
import io.skillsync.run.RunStatus;
import io.skillsync.simulator.SimulatedTenants;
import io.skillsync.simulator.TenantSimulator;
import io.skillsync.simulator.TenantSimulator.Assignment;
import io.skillsync.support.Inbox;
import io.skillsync.support.Tenants;
import io.skillsync.support.profiles.TwoUnits;

/**
 * Two business units in one process, each on its own simulated tenant (operations.md, "Several business units"):
 * each unit's file reaches its own tenant with its own token, one unit's outage leaves the other's file on time,
 * and metrics, readiness and /ops name the unit.
 */
@QuarkusTest
@TestProfile(TwoUnits.class)
@QuarkusTestResource(value = SftpServer.class, restrictToAnnotatedClass = true)
class BusinessUnitsTest {

    static final Path EAST = Drop.WORK.resolve("east");
    static final Path WEST = Drop.WORK.resolve("west");

    @Inject
    TenantSimulator eastTenant;
    @Inject
    SimulatedTenants tenants;
    @Inject
    TenantDirectory directory;
    @Inject
    Units units;
    @Inject
    RunStatus status;
    @Inject
    IntakeOpening intake;

    TenantSimulator westTenant;

    @BeforeEach
    void twoTenants() {
        westTenant = tenants.named("west");
        westTenant.faults().stallMillis = 0;
        Units.run(units.named("east"), () -> Tenants.everyoneOnTier1(eastTenant, directory, 6));
        Units.run(units.named("west"), () -> Tenants.everyoneOnTier1(westTenant, directory, 6));
        // both intakes open (each unit's tenant granted it a token) before a test makes one tenant hang
        for (String unit : List.of("east", "west")) {
            await().atMost(Duration.ofSeconds(30)).until(() -> Units.in(units.named(unit), intake::waitingFor) == null);
        }
    }

    @Test
    void eachUnitsFileReachesItsOwnTenantWithItsOwnToken() {
        long eastWritesBefore = eastTenant.writes();
        drop(EAST, "units-east.csv", "email,skill,proficiency\n" + Tenants.email(1) + ",Tier_1_Support,3\n"
                + Tenants.email(2) + ",Tier_1_Support,3\n");
        drop(WEST, "units-west.csv", "email,skill,proficiency\n" + Tenants.email(1) + ",Tier_1_Support,7\n");
        JsonNode east = awaitRun(EAST, "units-east.csv");
        JsonNode west = awaitRun(WEST, "units-west.csv");
        assertEquals(2, east.path("counts").path("applied").asInt(), east.toString());
        assertEquals(1, west.path("counts").path("applied").asInt(), west.toString());

        assertEquals(3, proficiency(eastTenant, 1), "east's roster reached east's tenant");
        assertEquals(7, proficiency(westTenant, 1), "west's roster reached west's tenant");
        assertEquals(3, proficiency(eastTenant, 2));
        assertEquals(10, proficiency(westTenant, 2), "east's roster never reached west's tenant");
        assertTrue(eastTenant.writes() > eastWritesBefore);

        // no request of one unit carried the other's token or client
        List<TenantSimulator.Request> westAsked = westTenant.requests();
        assertFalse(westAsked.isEmpty());
        assertTrue(westAsked.stream().anyMatch(r -> "west".equals(r.caller())), callers(westAsked).toString());
        assertTrue(westAsked.stream().noneMatch(r -> "default".equals(r.caller())),
                "west's tenant was never asked with east's token or client: " + callers(westAsked));
        assertTrue(eastTenant.requests().stream().noneMatch(r -> "west".equals(r.caller())),
                "east's tenant was never asked with west's token or client: " + callers(eastTenant.requests()));

        // each unit's folders, its own record and its metrics' label
        assertTrue(Files.isDirectory(EAST.resolve("audit")) && Files.isDirectory(WEST.resolve("audit")));
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("skillsync_runs_total{result=\"complete\",unit=\"east\"}"))
                .body(containsString("skillsync_runs_total{result=\"complete\",unit=\"west\"}"));
        given().get("/q/health/ready").then().body(containsString("\"east\"")).body(containsString("\"west\""));

        // the operations API answers for the unit asked, and lists every unit
        String westRuns = given().auth().preemptive().basic("victor", "viewing").get("/ops/runs?unit=west").then()
                .statusCode(200).extract().asString();
        assertTrue(westRuns.contains("units-west.csv") && !westRuns.contains("units-east.csv"), westRuns);
        given().auth().preemptive().basic("victor", "viewing").get("/ops/runs?unit=nowhere").then().statusCode(404)
                .body(containsString("no business unit 'nowhere'"));
        given().auth().preemptive().basic("victor", "viewing").get("/ops/units").then().statusCode(200)
                .body(containsString("\"unit\":\"east\"")).body(containsString("\"unit\":\"west\""));

        // the console switches units: west's page lists west's run, and the choice holds for the next page
        var login = given().redirects().follow(false).formParam("j_username", "victor").formParam("j_password", "viewing")
                .post("/j_security_check");
        var westPage = given().cookies(login.getCookies()).get("/console?unit=west");
        String westShown = westPage.asString();
        assertTrue(westShown.contains("id=\"units\"") && westShown.contains("units-west.csv") && !westShown.contains("units-east.csv"),
                westShown);
        String stillWest = given().cookies(login.getCookies()).cookies(westPage.getCookies()).get("/console").asString();
        assertTrue(stillWest.contains("units-west.csv") && !stillWest.contains("units-east.csv"), stillWest);
        String eastShown = given().cookies(login.getCookies()).get("/console?unit=east").asString();
        assertTrue(eastShown.contains("units-east.csv") && !eastShown.contains("units-west.csv"), eastShown);
    }

    @Test
    void oneUnitsOutageLeavesTheOthersFileOnTime() {
        // west's tenant hangs: every request is answered only after a long while
        westTenant.faults().stallMillis = 20_000;
        drop(WEST, "units-west-stalled.csv", "email,skill,proficiency\n" + Tenants.email(3) + ",Tier_1_Support,4\n");
        // west's run is under way, its first request to the tenant unanswered
        await().atMost(Duration.ofSeconds(10)).until(() -> Units.in(units.named("west"), status::runningFile) != null);
        drop(EAST, "units-east-on-time.csv", "email,skill,proficiency\n" + Tenants.email(3) + ",Tier_1_Support,4\n");
        JsonNode east = awaitRun(EAST, "units-east-on-time.csv");
        assertEquals(1, east.path("counts").path("applied").asInt(), east.toString());
        assertEquals(4, proficiency(eastTenant, 3));
        // while west's run still waits on its tenant: nothing of it is recorded yet
        assertTrue(summary(WEST, "units-west-stalled.csv").isEmpty(), "west's run is still under way");
        westTenant.faults().stallMillis = 0;
        awaitRun(WEST, "units-west-stalled.csv");
    }

    /** One SFTP server, a folder per unit: each unit's drop reaches its own tenant and its result its own folder. */
    @Test
    void eachUnitsSftpFolderFeedsItsOwnTenantAndHearsBack() {
        SftpServer.upload("west-outbox", "units-sftp-west.csv", "email,skill,proficiency\n" + Tenants.email(5) + ",Tier_1_Support,6\n");
        SftpServer.upload("outbox", "units-sftp-east.csv", "email,skill,proficiency\n" + Tenants.email(5) + ",Tier_1_Support,2\n");
        JsonNode west = awaitRun(WEST, "units-sftp-west.csv");
        JsonNode east = awaitRun(EAST, "units-sftp-east.csv");
        assertEquals(6, proficiency(westTenant, 5), west.toString());
        assertEquals(2, proficiency(eastTenant, 5), east.toString());
        Path westResult = SftpServer.ROOT.resolve("west-results").resolve("units-sftp-west." + west.path("runId").asText() + ".result.txt");
        Path eastResult = SftpServer.ROOT.resolve("results").resolve("units-sftp-east." + east.path("runId").asText() + ".result.txt");
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(westResult) && Files.exists(eastResult));
        assertFalse(Files.exists(SftpServer.ROOT.resolve("results").resolve(westResult.getFileName())), "west's result only in west's folder");
    }

    static void drop(Path workDir, String name, String content) {
        try {
            Inbox.drop(workDir, name, Inbox.inStagingFolder(workDir, name), content.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode awaitRun(Path workDir, String name) {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                .until(() -> summary(workDir, name), Optional::isPresent).get();
    }

    static Optional<JsonNode> summary(Path workDir, String name) {
        try {
            return Drop.summaries(workDir).stream().filter(s -> s.path("file").asText().equals(name)).findFirst();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int proficiency(TenantSimulator tenant, int agent) {
        return tenant.assignments().stream().filter(a -> a.agentId() == Tenants.agentId(agent) && a.skillId() == Tenants.TIER_1)
                .mapToInt(Assignment::proficiency).findFirst().orElse(-1);
    }

    static List<String> callers(List<TenantSimulator.Request> requests) {
        return requests.stream().map(TenantSimulator.Request::caller).distinct().toList();
    }
}
