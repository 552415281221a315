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
import io.skillsync.support.profiles.PlainHttpRefused;

/**
 * Outside the simulator, an http:// CXone URL is refused before any secret is sent over it; outside dev and
 * tests, the operations API takes no Basic credentials over plain http from another host (issue 23, N7).
 */
@QuarkusTest
@TestProfile(PlainHttpRefused.class)
class PlainHttpTest {

    @Inject
    TenantSimulator tenant;

    @Test
    void anHttpTokenUrlIsRefusedAndNothingIsSent() {
        tenant.forgetRequests();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(503)
                .body(containsString("token-url is not https")));
        assertEquals(0, tenant.requests().size(), "not one request went over plain http");
    }

    @Test
    void theOperationsApiRefusesPlainHttpFromAnotherHost() {
        // a client that spoke plain http to the (trusted) proxy in front: refused before its password is looked at
        given().auth().preemptive().basic("alice", "wonderland").header("X-Forwarded-For", "203.0.113.5")
                .header("X-Forwarded-Proto", "http").get("/ops/files").then().statusCode(403).body(containsString("https"));
        given().auth().preemptive().basic("alice", "wonderland").header("X-Forwarded-For", "203.0.113.5").get("/ops/files")
                .then().statusCode(403);
        // the same client over https at the proxy: served
        given().auth().preemptive().basic("alice", "wonderland").header("X-Forwarded-For", "203.0.113.5")
                .header("X-Forwarded-Proto", "https").get("/ops/files").then().statusCode(200);
        // on the host itself (kubectl port-forward arrives from the loopback): served
        given().auth().preemptive().basic("alice", "wonderland").get("/ops/files").then().statusCode(200);
    }
}
