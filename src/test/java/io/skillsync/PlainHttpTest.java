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

/** Outside the simulator, an http:// CXone URL is refused before any secret is sent over it. */
@QuarkusTest
@TestProfile(PlainHttpTest.HttpRefused.class)
class PlainHttpTest {

    public static class HttpRefused implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("skillsync.cxone.allow-http", "false");
        }
    }

    @Inject
    TenantSimulator tenant;

    @Test
    void anHttpTokenUrlIsRefusedAndNothingIsSent() {
        tenant.forgetRequests();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(503)
                .body(containsString("token-url is not https")));
        assertEquals(0, tenant.requests().size(), "not one request went over plain http");
    }
}
