package io.skillsync;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Map;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import io.skillsync.simulator.TenantSimulator;

/**
 * Without an access key there is no silent fallback to client_credentials (a grant NICE does not publish):
 * no token request is sent, and readiness is DOWN saying what to set.
 */
@QuarkusTest
@TestProfile(NoAccessKeyTest.NoKey.class)
class NoAccessKeyTest {

    public static class NoKey implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("skillsync.cxone.access-key-id", "", "skillsync.cxone.access-key-secret", "");
        }
    }

    @Inject
    TenantSimulator tenant;

    @Test
    void readinessIsDownNamingTheMissingKeyAndNothingIsAsked() {
        tenant.forgetRequests();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(503)
                .body(containsString("no access key configured")).body(containsString("grant=client_credentials explicitly")));
        assertEquals(0, tenant.count("POST", "/auth/token"), "no token request without the key");
    }
}
