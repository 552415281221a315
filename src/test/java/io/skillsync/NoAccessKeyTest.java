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

import io.skillsync.simulator.TenantSimulator;
import io.skillsync.support.Tenants;
import io.skillsync.support.profiles.NoAccessKey;

/**
 * Without an access key there is no silent fallback to client_credentials (a grant NICE does not publish):
 * no token request is sent, and readiness is DOWN saying what to set.
 */
@QuarkusTest
@TestProfile(NoAccessKey.class)
class NoAccessKeyTest {

    @Inject
    TenantSimulator tenant;

    @Test
    void readinessIsDownNamingTheMissingKeyAndNothingIsAsked() throws Exception {
        tenant.forgetRequests();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(503)
                .body(containsString("no access key configured")).body(containsString("grant=client_credentials explicitly")));
        assertEquals(0, tenant.count("POST", "/auth/token"), "no token request without the key");
        given().get("/q/health/ready").then().body(containsString("the intake stays closed"));

        // and the intake stays closed: no file is taken (before: taken, and every such run stopped)
        Drop.roster("no-key.csv", "email,skill,proficiency\n" + Tenants.email(1) + ",Retention,5\n");
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> java.nio.file.Files.exists(Drop.WORK.resolve("inbox/no-key.csv")));
        assertEquals(0, Drop.summaries(Drop.WORK).stream().filter(s -> s.path("file").asText().equals("no-key.csv")).count());
        java.nio.file.Files.move(Drop.WORK.resolve("inbox/no-key.csv"), Drop.WORK.resolve("no-key.csv.left"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
