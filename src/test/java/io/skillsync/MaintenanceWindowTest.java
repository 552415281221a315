package io.skillsync;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import io.skillsync.cxone.TenantDirectory;
import io.skillsync.run.MaintenanceWindow;
import io.skillsync.simulator.TenantSimulator;
import io.skillsync.support.Rosters;
import io.skillsync.support.Tenants;
import io.skillsync.support.profiles.WindowEveryTenSeconds;

/** A window that opens every 10 seconds for 5: a file dropped while it is closed waits, and runs once it opens. */
@QuarkusTest
@TestProfile(WindowEveryTenSeconds.class)
class MaintenanceWindowTest {

    @Inject
    TenantSimulator tenant;
    @Inject
    TenantDirectory directory;
    @Inject
    MaintenanceWindow window;

    @Test
    void aFileWaitsForTheWindowAndNothingReachesCxoneBefore() {
        Tenants.everyoneOnTier1(tenant, directory, 5);
        // just after the window closed: nearly five seconds until it opens again
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50))
                .until(() -> !window.isOpen() && Duration.between(Instant.now(), window.nextChange()).toMillis() > 4000);
        tenant.forgetRequests();
        Drop.roster("after-hours.csv", Rosters.everyoneGetsRetention(5));

        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(4))
                .until(() -> Files.exists(Drop.WORK.resolve("inbox/after-hours.csv")) && tenant.requests().isEmpty());
        assertFalse(window.isOpen());

        JsonNode run = Drop.awaitRun("after-hours.csv");
        assertEquals(5, run.path("counts").path("applied").asInt(), run.toString());
        Instant started = Instant.parse(run.path("started").asText());
        assertEquals(0, started.atZone(java.time.ZoneId.systemDefault()).getSecond() % 10 / 5,
                "it ran inside a window (the first 5 s of each 10): " + started);
    }

    /** Before: a run stopped by the window's end kept the pod not ready until the next window's run completed. */
    @Test
    void aRunTheWindowEndsLeavesThePodReady() {
        Tenants.everyoneOnTier1(tenant, directory, 5);
        // just after a window opened; each request then takes 2 s, so the reads outlast the 5 s window
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50))
                .until(() -> window.isOpen() && Duration.between(Instant.now(), window.nextChange()).toMillis() > 4500);
        tenant.faults().stallMillis = 2000;
        Drop.roster("window-ends.csv", Rosters.everyoneGetsRetention(5));
        JsonNode stopped = Drop.awaitRun("window-ends.csv");
        tenant.faults().stallMillis = 0;

        assertEquals("stopped", stopped.path("result").asText(), stopped.toString());
        assertTrue(stopped.path("stoppedBecause").asText().contains("maintenance window closed"), stopped.toString());
        io.restassured.RestAssured.given().get("/q/health/ready").then().statusCode(200);
        JsonNode rerun = Drop.awaitRun("window-ends.csv", stopped.path("runId").asText());
        assertEquals(5, rerun.path("counts").path("applied").asInt(), rerun.toString());
    }
}
