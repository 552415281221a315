package io.skillsync;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import io.skillsync.intake.IntakeOpening;
import io.skillsync.probe.GoLiveGate;
import io.skillsync.simulator.TenantSimulator;
import io.skillsync.support.profiles.GoLiveGateOpen;

/**
 * The go-live gate on a tenant that does what SkillSync's defaults assume: the probe's read-only checks
 * run before the intake opens, the pass is kept under the settings' fingerprint, and a file runs.
 */
@QuarkusTest
@TestProfile(GoLiveGateOpen.class)
class GoLiveGateOpensTest {

    static final Path WORK = GoLiveGateOpen.WORK;

    @Inject
    TenantSimulator tenant;
    @Inject
    IntakeOpening opening;
    @Inject
    GoLiveGate gate;

    @Test
    void theProbePassesTheIntakeOpensAndThePassIsKeptForTheseSettings() throws Exception {
        await().atMost(Duration.ofSeconds(30)).until(() -> opening.waitingFor() == null);
        JsonNode kept = new ObjectMapper().readTree(WORK.resolve("probe/go-live.json").toFile());
        assertEquals(gate.fingerprint(), kept.path("fingerprint").asText(), kept.toString());
        assertTrue(kept.path("requests").asInt() > 5, "the probe's read-only checks ran: " + kept);
        assertTrue(!kept.toString().contains("dev-access-key") && !kept.toString().contains("skillsync-dev"),
                "no id or secret in the record: " + kept);

        Path roster = WORK.resolve("inbox/go-live.csv");
        Files.createDirectories(roster.getParent());
        Files.writeString(roster, "email,skill,proficiency\n" + "veteran1@example.com,Retention,5\n");
        await().atMost(Duration.ofSeconds(20)).until(() -> !Files.exists(roster) && tenant.writes() > 0);
    }
}
