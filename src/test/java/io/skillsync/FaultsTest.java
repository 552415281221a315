package io.skillsync;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.skillsync.cxone.TenantDirectory;
import io.skillsync.simulator.TenantSimulator;
import io.skillsync.support.Rosters;
import io.skillsync.support.Tenants;

/** A tenant that misbehaves the ways cxone-api.md lists: every row still ends in exactly one outcome. */
@QuarkusTest
class FaultsTest {

    @Inject
    TenantSimulator tenant;
    @Inject
    TenantDirectory directory;
    @Inject
    io.skillsync.config.Units units;
    @Inject
    jakarta.enterprise.inject.Instance<io.fabric8.kubernetes.client.KubernetesClient> kubernetes;
    @Inject
    io.micrometer.core.instrument.MeterRegistry metrics;

    /** A test that failed half-way leaves its file behind: set it aside, so the next test meets only its own. */
    @AfterEach
    void healthy() throws Exception {
        tenant.seed(List.of(), List.of(), List.of());
        Path leftovers = Files.createDirectories(Drop.WORK.resolve("leftovers"));
        try (var files = Files.list(Drop.WORK.resolve("inbox"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".csv")).toList()) {
                try {
                    Files.move(file, leftovers.resolve(file.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                } catch (java.nio.file.NoSuchFileException e) {
                    // the run of the test's last file ended just now: the consumer moved it after its summary was written
                }
            }
        }
    }

    /**
     * Before: the Lease was asked once per batch, before the request waited for backpressure, the throttle or
     * a retry's backoff; a replica that lost its Lease meanwhile still sent the write, beside the new leader.
     */
    @Test
    void aReplicaThatLostItsLeaseWhileARetryWaitedSendsNoMoreWrites() throws Exception {
        io.quarkus.test.junit.QuarkusMock.installMockForType(new io.skillsync.cluster.LeadershipLostAtFirstWrite(units,
                kubernetes, metrics, tenant), io.skillsync.cluster.Leadership.class);
        Tenants.everyoneOnTier1(tenant, directory, 5);
        tenant.faults().busyWrites.set(1);
        Drop.roster("lease-lost.csv", Rosters.everyoneGetsRetention(5));
        JsonNode run = Drop.awaitRun("lease-lost.csv");
        assertEquals("stopped", run.path("result").asText(), run.toString());
        assertTrue(run.path("stoppedBecause").asText().contains("no longer holds the cluster Lease"), run.toString());
        assertEquals(1, tenant.writes(), "only the attempt answered 503 went out; its retry waited for the Lease");
        assertEquals(null, tenant.assignment(Tenants.agentId(1), Tenants.RETENTION), "nothing written");
        tenant.faults().busyWrites.set(0);
    }

    @Test
    void aStormOf5xxShortTokens429sAndOneRefusedAgentLosesNothing() {
        Tenants.everyoneOnTier1(tenant, directory, 1000);
        TenantSimulator.Faults faults = tenant.faults();
        faults.serverErrorRate = 0.2;
        faults.tokenLifetime = Duration.ofSeconds(4);
        faults.rateLimit = 12; // per second; SkillSync is configured for 40
        faults.refusedAgents.add(Tenants.agentId(500));

        long started = System.nanoTime();
        Drop.roster("storm.csv", Rosters.everyoneGetsRetention(1000));
        JsonNode run = Drop.awaitRun("storm.csv");
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("storm figures: %s, %.1f s wall; the tenant answered %s%n", run.path("requests"), seconds,
                tenant.requests().stream().collect(java.util.stream.Collectors.groupingBy(r -> r.status(),
                        java.util.TreeMap::new, java.util.stream.Collectors.counting())));

        assertEquals("complete", run.path("result").asText(), run.toString());
        assertEquals(1000, run.path("counts").path("rows").asInt());
        assertEquals(999, run.path("counts").path("applied").asInt(), run.toString());
        assertEquals(1, run.path("counts").path("failed").asInt());
        List<CSVRecord> errors = Drop.errors(run);
        assertEquals(1, errors.size());
        assertEquals(Tenants.email(500), errors.get(0).get("email"));
        assertTrue(errors.get(0).get("error").contains("locked"), errors.get(0).get("error"));
        assertEquals(999, tenant.assignments().stream().filter(a -> a.skillId() == Tenants.RETENTION).count());
        assertTrue(run.path("requests").path("retried").asInt() > 0, "the 5xx were retried");
        assertTrue(run.path("requests").path("token").asInt() >= 1);
    }

    /** Before: one Retry-After of a day paused every request for a day. */
    @Test
    void aRetryAfterOfADayIsNotWaitedFor() {
        Tenants.everyoneOnTier1(tenant, directory, 30);
        tenant.faults().rateLimit = 3; // per second
        tenant.faults().retryAfterSeconds = 86_400;

        Drop.roster("retry-after-a-day.csv", Rosters.everyoneGetsRetention(30));
        JsonNode run = Drop.awaitRun("retry-after-a-day.csv");

        assertTrue(run.path("result").asText().equals("stopped") || run.path("counts").path("failed").asInt() > 0, run.toString());
        assertTrue(run.toString().contains("over skillsync.cxone.retry-after-cap") || errorsSay(run, "retry-after-cap"),
                "the run says why it did not wait: " + run);
        tenant.faults().retryAfterSeconds = null;
        tenant.faults().rateLimit = null;
    }

    private static boolean errorsSay(JsonNode run, String text) {
        try {
            return Drop.errors(run).stream().anyMatch(r -> r.get("error").contains(text));
        } catch (AssertionError e) {
            return false;
        }
    }

    @Test
    void aRetryAfterPausesEveryRequestThatLong() {
        Tenants.everyoneOnTier1(tenant, directory, 30);
        tenant.faults().rateLimit = 3; // per second
        tenant.faults().retryAfterSeconds = 1;

        Drop.roster("retry-after.csv", Rosters.everyoneGetsRetention(30));
        JsonNode run = Drop.awaitRun("retry-after.csv");

        assertEquals(30, run.path("counts").path("applied").asInt(), run.toString());
        List<TenantSimulator.Request> seen = tenant.requests().stream().filter(r -> !r.path().startsWith("/auth")).toList();
        int throttled = 0;
        for (int i = 0; i + 1 < seen.size(); i++) {
            if (seen.get(i).status() == 429) {
                throttled++;
                long waited = seen.get(i + 1).at() - seen.get(i).at();
                assertTrue(waited >= 950, "the request after a 429 with Retry-After: 1 came " + waited + " ms later");
            }
        }
        assertTrue(throttled > 0, "the tenant's limit of 3 a second was met");
        assertEquals(throttled, run.path("requests").path("throttled429").asInt());
    }

    @Test
    void aBatchRefusedWith400IsSplitUntilTheBadItemsStandAlone() {
        Tenants.everyoneOnTier1(tenant, directory, 100);
        tenant.faults().poisonedAgents.addAll(List.of(Tenants.agentId(7), Tenants.agentId(50), Tenants.agentId(93)));

        Drop.roster("poisoned.csv", Rosters.everyoneGetsRetention(100));
        JsonNode run = Drop.awaitRun("poisoned.csv");

        assertEquals(97, run.path("counts").path("applied").asInt(), run.toString());
        assertEquals(3, run.path("counts").path("failed").asInt());
        List<CSVRecord> errors = Drop.errors(run);
        assertEquals(List.of(Tenants.email(7), Tenants.email(50), Tenants.email(93)),
                errors.stream().map(r -> r.get("email")).toList());
        errors.forEach(r -> assertTrue(r.get("error").contains("HTTP 400: Invalid agent in request"), r.get("error")));
        System.out.printf("bisect figures: %d write requests for 100 rows with 3 refused%n", tenant.writes());
    }

    /** Before: 199 requests a 100-row batch, ~30,000 for a 15,000-row file, when the cause is the request itself. */
    @Test
    void aRequestRefusedAsAWholeIsSplitOnceThenNotAgain() {
        Tenants.everyoneOnTier1(tenant, directory, 300);
        tenant.faults().refuseEveryWrite = "The request body is not valid for this business unit";

        Drop.roster("refused-whole.csv", Rosters.everyoneGetsRetention(300));
        JsonNode run = Drop.awaitRun("refused-whole.csv");

        assertEquals(300, run.path("counts").path("failed").asInt(), run.toString());
        assertEquals(5, tenant.writes(), "batch 1 and its two halves, then batches 2 and 3 unsplit");
        List<CSVRecord> errors = Drop.errors(run);
        assertTrue(errors.get(0).get("error").contains("both halves of the request alike"), errors.get(0).get("error"));
        assertTrue(errors.get(299).get("error").contains("not split"), errors.get(299).get("error"));
        System.out.printf("whole-request refusal figures: %d write requests for 300 rows (3 batches)%n", tenant.writes());
    }

    @Test
    void aRevokedTokenIsRenewedOnceAndTheRunGoesOn() {
        Tenants.everyoneOnTier1(tenant, directory, 10);
        Drop.roster("before-revoked.csv", "email,skill,proficiency\n" + Tenants.email(1) + ",Tier_1_Support,10\n");
        Drop.awaitRun("before-revoked.csv");
        tenant.forgetRequests();
        tenant.revokeTokens();

        Drop.roster("revoked.csv", Rosters.everyoneGetsRetention(10));
        JsonNode run = Drop.awaitRun("revoked.csv");

        assertEquals(10, run.path("counts").path("applied").asInt(), run.toString());
        assertEquals(1, tenant.requests().stream().filter(r -> r.status() == 401).count());
        assertEquals(1, tenant.count("POST", "/auth/token"));
    }

    @Test
    void anAssignmentMadeSinceTheReadIsUpdatedWithPutInstead() {
        Tenants.everyoneOnTier1(tenant, directory, 10);
        tenant.write("POST", Tenants.agentId(3), Tenants.RETENTION, 9, true);
        tenant.faults().hiddenFromReads.add(Tenants.agentId(3) + ":" + Tenants.RETENTION);

        Drop.roster("raced.csv", Rosters.everyoneGetsRetention(10));
        JsonNode run = Drop.awaitRun("raced.csv");

        assertEquals(10, run.path("counts").path("applied").asInt(), run.toString());
        assertEquals(5, tenant.assignment(Tenants.agentId(3), Tenants.RETENTION).proficiency());
        assertEquals(1, tenant.count("PUT", "/skills/" + Tenants.RETENTION + "/agents"), "agent 3 again, with PUT");
    }

    @Test
    void refusedCredentialsStopTheRunKeepTheFileAndSayWhichGrant() {
        Tenants.everyoneOnTier1(tenant, directory, 10);
        tenant.faults().refuseCredentials = true;
        tenant.revokeTokens();

        Drop.roster("locked-out.csv", Rosters.everyoneGetsRetention(10));
        JsonNode stopped = Drop.awaitRun("locked-out.csv");

        assertEquals("stopped", stopped.path("result").asText(), stopped.toString());
        String reason = stopped.path("stoppedBecause").asText();
        assertTrue(reason.contains("refused the password grant for client id 'skillsync-dev'"), reason);
        assertFalse(reason.contains("dev-client-secret") || reason.contains("dev-access-key-secret"), reason);
        assertEquals(10, stopped.path("counts").path("failed").asInt());
        assertEquals(0, tenant.writes());
        assertTrue(Files.exists(Drop.WORK.resolve("inbox/locked-out.csv")), "the file waits in the inbox");
        given().get("/q/health/ready").then().statusCode(503).body(containsString("refused the password grant"));

        tenant.faults().refuseCredentials = false;
        JsonNode rerun = Drop.awaitRun("locked-out.csv", stopped.path("runId").asText());
        assertEquals("complete", rerun.path("result").asText(), rerun.toString());
        assertEquals(10, rerun.path("counts").path("applied").asInt());
        Drop.awaitGone("locked-out.csv");
        given().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void aMissingPermissionStopsTheRunWithoutRetrying() {
        Tenants.everyoneOnTier1(tenant, directory, 10);
        tenant.faults().forbidWrites = true;

        Drop.roster("forbidden.csv", Rosters.everyoneGetsRetention(10));
        JsonNode stopped = Drop.awaitRun("forbidden.csv");

        assertEquals("stopped", stopped.path("result").asText());
        assertTrue(stopped.path("stoppedBecause").asText().contains("Skills: Edit"), stopped.toString());
        assertEquals(1, tenant.writes(), "a 403 is not retried");
        assertEquals(10, stopped.path("counts").path("failed").asInt());

        tenant.faults().forbidWrites = false;
        JsonNode rerun = Drop.awaitRun("forbidden.csv", stopped.path("runId").asText());
        assertEquals(10, rerun.path("counts").path("applied").asInt(), rerun.toString());
    }

    @Test
    void aTenantThatIsDownOpensTheCircuitAndIsNotHammered() {
        Tenants.everyoneOnTier1(tenant, directory, 10);
        tenant.faults().serverErrorRate = 1.0;

        Drop.roster("outage.csv", Rosters.everyoneGetsRetention(10));
        JsonNode open = await().atMost(Duration.ofSeconds(90)).until(() -> circuitOpenRun("outage.csv"), r -> r != null);
        assertEquals(0, open.path("requests").path("read").asInt() + open.path("requests").path("write").asInt(),
                "with the circuit open, no request reaches CXone: " + open);
        assertTrue(Files.exists(Drop.WORK.resolve("inbox/outage.csv")));
        long sentWhileDown = tenant.requests().size();
        System.out.printf("outage figures: %d requests before the circuit opened%n", sentWhileDown);

        tenant.faults().serverErrorRate = 0;
        JsonNode recovered = Drop.awaitRun("outage.csv", open.path("runId").asText());
        while (!"complete".equals(recovered.path("result").asText())) {
            recovered = Drop.awaitRun("outage.csv", recovered.path("runId").asText());
        }
        assertEquals(10, recovered.path("counts").path("applied").asInt(), recovered.toString());
    }

    private static JsonNode circuitOpenRun(String name) throws Exception {
        return Drop.summaries(Drop.WORK).stream().filter(s -> s.path("file").asText().equals(name)
                && s.path("stoppedBecause").asText().contains("circuit open")).findFirst().orElse(null);
    }

    @Test
    void anUnwritableWorkDirKeepsTheFileAndTurnsReadinessDown() throws Exception {
        Tenants.everyoneOnTier1(tenant, directory, 5);
        Path errorDir = Drop.WORK.resolve("error");
        Path aside = Drop.WORK.resolve("error-aside");
        Files.createDirectories(errorDir);
        Files.move(errorDir, aside);
        Files.writeString(errorDir, "a file where the error folder should be");
        try {
            Drop.roster("disk.csv", "email,skill,proficiency\nnobody@example.com,Retention,5\n");
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/q/health/ready").then()
                    .statusCode(503).body(containsString("cannot write the run's record")));
            assertTrue(Files.exists(Drop.WORK.resolve("inbox/disk.csv")), "the file is not moved or lost");
        } finally {
            Files.delete(errorDir);
            Files.move(aside, errorDir);
        }
        // the run that could not write its record gets one from its journal, before the file runs again
        JsonNode unrecorded = Drop.awaitRun("disk.csv");
        assertEquals("interrupted", unrecorded.path("result").asText(), unrecorded.toString());
        JsonNode run = Drop.awaitRun("disk.csv", unrecorded.path("runId").asText());
        assertEquals(1, run.path("counts").path("rejected").asInt(), run.toString());
        Drop.awaitGone("disk.csv");
    }
}
