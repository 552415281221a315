package io.skillsync;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import io.skillsync.cxone.TenantDirectory;
import io.skillsync.simulator.TenantSimulator;
import io.skillsync.support.Rosters;
import io.skillsync.support.Tenants;
import io.skillsync.support.profiles.Watched;

/**
 * Before: a hung read froze the intake while liveness and readiness stayed UP. Now a run that makes no
 * progress for stall-after (1 s here) turns liveness DOWN, and it is UP again once the run moves.
 */
@QuarkusTest
@TestProfile(Watched.class)
class WatchdogTest {

    @Inject
    TenantSimulator tenant;
    @Inject
    TenantDirectory directory;

    @Test
    void aRunThatHangsTurnsLivenessDown() {
        Tenants.everyoneOnTier1(tenant, directory, 5);
        given().get("/q/health/live").then().statusCode(200);
        tenant.faults().stallMillis = 4000;

        Drop.roster("hung.csv", Rosters.everyoneGetsRetention(5));
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> given()
                .get("/q/health/live").then().statusCode(503).body(containsString("hung.csv has made no progress")));

        tenant.faults().stallMillis = 0;
        var run = Drop.awaitRun("hung.csv");
        assertEquals(5, run.path("counts").path("applied").asInt(), run.toString());
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().get("/q/health/live").then().statusCode(200));
    }
}
