package io.skillsync;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import io.skillsync.simulator.TenantSimulator;
import io.skillsync.support.profiles.GoLiveGateClosed;

/**
 * The go-live gate on a tenant the probe finds unworkable as set up (it ignores {@code skip}): the intake
 * stays closed, readiness names the line and what to do, nothing is written and no pass is kept. Its own
 * work dir: a pass kept by another test's application must not open this one.
 */
@QuarkusTest
@TestProfile(GoLiveGateClosed.class)
class GoLiveGateTest {

    static final Path WORK = GoLiveGateClosed.WORK;

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
