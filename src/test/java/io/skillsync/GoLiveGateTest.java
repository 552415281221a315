package io.skillsync;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import io.skillsync.simulator.TenantSimulator;
import io.skillsync.support.WorkDirs;

/**
 * The go-live gate on a tenant the probe finds unworkable as set up (it ignores {@code skip}): the intake
 * stays closed, readiness names the line and what to do, nothing is written and no pass is kept. Its own
 * work dir: a pass kept by another test's application must not open this one.
 */
@QuarkusTest
@TestProfile(GoLiveGateTest.SkipIgnored.class)
class GoLiveGateTest {

    static final Path WORK = Path.of("target/test-data-go-live-closed");

    public static class SkipIgnored implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("skillsync.intake.go-live-probe", "true", "skillsync.simulator.dialects", "skip-ignored",
                    "skillsync.work-dir", WorkDirs.emptied(WORK));
        }
    }

    @Inject
    TenantSimulator tenant;

    @Test
    void aLineThatCannotWorkKeepsTheIntakeClosedAndReadinessSaysWhich() throws Exception {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(503)
                .body(containsString("the intake stays closed until the go-live probe passes on this tenant"))
                .body(containsString("skip honoured")));
        Path roster = WORK.resolve("inbox/go-live.csv");
        Files.createDirectories(roster.getParent());
        Files.writeString(roster, "email,skill,proficiency\n" + "veteran1@example.com,Retention,5\n");
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> Files.exists(roster));
        assertEquals(0, tenant.writes(), "nothing written");
        assertFalse(Files.exists(WORK.resolve("probe/go-live.json")), "no pass kept");
    }
}
