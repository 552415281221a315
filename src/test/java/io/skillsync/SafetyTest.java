package io.skillsync;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import io.skillsync.cxone.TenantDirectory;
import io.skillsync.simulator.TenantSimulator;
import io.skillsync.simulator.TenantSimulator.Skill;
import io.skillsync.support.Rosters;
import io.skillsync.support.Tenants;

/** Bad input never hurts routing: the guard, dry runs, read-back, and files safe to open in a spreadsheet. */
@QuarkusTest
@io.quarkus.test.junit.TestProfile(io.skillsync.support.profiles.FreshReadiness.class)
class SafetyTest {

    @Inject
    TenantSimulator tenant;
    @Inject
    TenantDirectory directory;
    @Inject
    io.skillsync.console.WaitingRosters waiting;

    @Test
    void aFileDeactivating60PercentOfASkillIsHeldAndReleasedOnlyDeliberately() throws Exception {
        Tenants.everyoneOnTier1(tenant, directory, 300);
        StringBuilder csv = switchingOff(180);
        csv.append(Tenants.email(181)).append(",Retention,5,true\n");
        csv.append("nobody@example.com,Retention,5,true\n");
        Drop.roster("qa-failures.csv", csv.toString());
        JsonNode held = Drop.awaitRun("qa-failures.csv");

        assertEquals("held", held.path("result").asText(), held.toString());
        assertEquals(0, tenant.writes(), "nothing is written");
        assertEquals(181, held.path("counts").path("planned").asInt());
        assertEquals(1, held.path("counts").path("rejected").asInt());
        Path reason = Drop.WORK.resolve(held.path("outputs").get(1).asText());
        String why = Files.readString(reason);
        assertTrue(why.contains("skill Tier_1_Support (112233): the file would deactivate 180 of its 300 active agents (60%);"
                + " the limit is 10%"), why);
        assertTrue(why.contains("180 assignments in all; the limit is 100"), why);
        Path inHold = Drop.WORK.resolve(held.path("outputs").get(0).asText());
        assertTrue(inHold.startsWith(Drop.WORK.resolve("hold")), "the file goes to hold/: " + inHold);
        // the consumer moves it once the route has ended, just after the summary is written
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> Files.exists(inHold));

        // moving it back by hand, even under the old ".approved" name, releases nothing: it is held again
        String content = Files.readString(inHold);
        Files.move(inHold, Drop.WORK.resolve("inbox/qa-failures.approved.csv"));
        JsonNode byHand = Drop.awaitRun("qa-failures.approved.csv");
        assertEquals("held", byHand.path("result").asText(), byHand.toString());
        assertEquals(0, tenant.writes(), "a name approves nothing");
        Path heldAgain = Drop.WORK.resolve(byHand.path("outputs").get(0).asText());
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> Files.exists(heldAgain));

        // the operator has checked with HR: the QA audit really failed 180 agents; released through the ops API
        given().auth().preemptive().basic("alice", "wonderland").contentType("application/json").post("/ops/hold/" + heldAgain.getFileName() + "/release")
                .then().statusCode(202);
        JsonNode released = Drop.awaitRun(heldAgain.getFileName().toString(), byHand.path("runId").asText());
        assertEquals("complete", released.path("result").asText(), released.toString());
        assertEquals(181, released.path("counts").path("applied").asInt());
        assertEquals("alice", released.path("releasedBy").path("by").asText(), released.toString());
        assertEquals(false, tenant.assignment(Tenants.agentId(1), Tenants.TIER_1).active());
        assertEquals(10, tenant.assignment(Tenants.agentId(1), Tenants.TIER_1).proficiency());

        // the release was for that content, once: the same content dropped again is weighed again
        for (int n = 1; n <= 180; n++) {
            tenant.write("PUT", Tenants.agentId(n), Tenants.TIER_1, 10, true);
        }
        tenant.forgetRequests();
        Drop.roster("qa-failures-again.csv", content);
        JsonNode again = Drop.awaitRun("qa-failures-again.csv");
        assertEquals("held", again.path("result").asText(), again.toString());
        assertEquals(0, tenant.writes());
    }

    /**
     * Before (issue 23, N3): a release refused because the inbox held that name already still approved the
     * content, for ever: the copy waiting in the inbox, or HR's resend days later, passed the guard. And (N1):
     * any {@code approvals/<sha256>.json} on the volume passed it, such as the review's record by "nobody-real".
     */
    @Test
    void aRefusedReleaseApprovesNothingAndAHandWrittenApprovalIsRefused() throws Exception {
        Tenants.everyoneOnTier1(tenant, directory, 300);
        StringBuilder csv = switchingOff(180);
        Drop.roster("refused-release.csv", csv.toString());
        JsonNode held = Drop.awaitRun("refused-release.csv");
        assertEquals("held", held.path("result").asText(), held.toString());
        Path inHold = Drop.WORK.resolve(held.path("outputs").get(0).asText());
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> Files.exists(inHold));

        // the same name waits in the inbox already (HR dropped it again): the release is refused
        Files.writeString(Drop.WORK.resolve("inbox/" + inHold.getFileName()), csv.toString());
        org.junit.jupiter.api.Assertions.assertThrows(io.skillsync.console.WaitingRosters.Refused.class,
                () -> waiting.release(inHold.getFileName().toString(), "alice"));
        JsonNode copy = Drop.awaitRun(inHold.getFileName().toString(), held.path("runId").asText());
        assertEquals("held", copy.path("result").asText(), "a refused release approves nothing: " + copy);
        assertEquals(0, tenant.writes());
        // and the refusal is in the operators' actions, as a release is
        Path actions = Drop.WORK.resolve("audit").resolve(java.time.LocalDate.now().toString()).resolve("operator-actions.csv");
        assertTrue(Files.readString(actions).contains("release refused (inbox/" + inHold.getFileName() + " exists already)"),
                Files.readString(actions));

        // the review's forged record: whoever can write the work dir writes an approval by hand
        String sha = io.skillsync.record.ReleaseBook.sha256(new java.io.ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)));
        Files.createDirectories(Drop.WORK.resolve("approvals"));
        Files.writeString(Drop.WORK.resolve("approvals/" + sha + ".json"), "{\"sha256\":\"" + sha + "\",\"file\":\"x\","
                + "\"by\":\"nobody-real\",\"at\":\"" + java.time.Instant.now() + "\"}");
        Drop.roster("forged-approval.csv", csv.toString());
        JsonNode forged = Drop.awaitRun("forged-approval.csv");
        assertEquals("held", forged.path("result").asText(), "a hand-written approval lets nothing pass: " + forged);
        assertEquals(0, tenant.writes());
        assertTrue(Files.exists(Drop.WORK.resolve("approvals/" + sha + "." + forged.path("runId").asText() + ".refused.json")),
                "set aside as refused");
    }

    /** A roster switching the first {@code count} agents off Tier_1_Support (their proficiency kept). */
    static StringBuilder switchingOff(int count) {
        StringBuilder csv = new StringBuilder("email,skill,proficiency,active\n");
        for (int n = 1; n <= count; n++) {
            csv.append(Tenants.email(n)).append(",Tier_1_Support,,false\n");
        }
        return csv;
    }

    @Test
    void aNightlyFileAddingThousandsIsNotHeld() {
        Tenants.everyoneOnTier1(tenant, directory, 1500);
        StringBuilder csv = new StringBuilder("email,skill,proficiency\n");
        for (int n = 1; n <= 1500; n++) {
            csv.append(Tenants.email(n)).append(",Retention,7\n").append(Tenants.email(n)).append(",Tier_1_Support,3\n");
        }
        Drop.roster("nightly-big.csv", csv.toString());
        JsonNode run = Drop.awaitRun("nightly-big.csv");
        assertEquals("complete", run.path("result").asText(), run.toString());
        assertEquals(3000, run.path("counts").path("applied").asInt());
    }

    @Test
    void aDryRunFilePlansAndWritesNothing() {
        Tenants.everyoneOnTier1(tenant, directory, 150);
        Drop.roster("graduation.dryrun.csv", Rosters.graduation() + "nobody@example.com,Retention,5,\n");
        JsonNode run = Drop.awaitRun("graduation.dryrun.csv");

        assertEquals("dry-run", run.path("mode").asText());
        assertEquals(150, run.path("counts").path("planned").asInt(), run.toString());
        assertEquals(1, run.path("counts").path("rejected").asInt());
        assertEquals(2, run.path("wouldWrite").asInt(), "the writes it would take");
        assertEquals(0, tenant.writes());
        assertEquals(0, run.path("requests").path("write").asInt());
        List<CSVRecord> audit = Drop.audit(run);
        assertEquals("planned", audit.get(0).get("outcome"));
        assertTrue(audit.get(0).get("detail").startsWith("would assign at proficiency 5"), audit.get(0).get("detail"));
        assertTrue(audit.get(100).get("detail").startsWith("would change proficiency 10 -> 1"), audit.get(100).get("detail"));
    }

    @Test
    void writesCxoneSilentlyDropsAreReadBackAndFail() {
        Tenants.everyoneOnTier1(tenant, directory, 90);
        tenant.faults().dropEveryNthWrite = 3;
        Drop.roster("dropped.csv", Rosters.everyoneGetsRetention(90));
        JsonNode run = Drop.awaitRun("dropped.csv");

        assertEquals(60, run.path("counts").path("applied").asInt(), run.toString());
        assertEquals(30, run.path("counts").path("failed").asInt());
        assertEquals(60, run.path("verified").asInt());
        long held = tenant.assignments().stream().filter(a -> a.skillId() == Tenants.RETENTION).count();
        assertEquals(run.path("counts").path("applied").asInt(), held, "applied is what the tenant really holds");
        List<CSVRecord> errors = Drop.errors(run);
        assertEquals(30, errors.size());
        errors.forEach(e -> assertTrue(e.get("error").contains("accepted but not kept"), e.get("error")));
        System.out.printf("verification figures: %s for %d rows (read-back included)%n", run.path("requests"), 90);
    }

    @Test
    void cellsThatSpreadsheetsRunAreNeutralisedAndTheErrorFileStillReruns() throws Exception {
        List<Skill> skills = new ArrayList<>(TenantSimulator.defaultSkills());
        skills.add(new Skill(112299, "+VIP_Line", true));
        Tenants.seed(tenant, directory, Tenants.agents(5), skills, Tenants.holding(1, Tenants.TIER_1, 10));
        tenant.faults().refusedAgents.add(Tenants.agentId(2));

        String roster = "email,skill,proficiency,active,note\n"
                + "\"=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\",Tier_1_Support,5,true,x\n"
                + Tenants.email(1) + ",Tier_1_Support,-1,true,@SUM(A1:A9)\n"
                + Tenants.email(2) + ",+VIP_Line,4,true,\"\tpadded\"\n"
                + Tenants.email(3) + ",+VIP_Line,6,true,fine\n";
        Drop.roster("injection.csv", roster);
        JsonNode run = Drop.awaitRun("injection.csv");
        assertEquals(1, run.path("counts").path("applied").asInt(), run.toString());
        assertEquals(2, run.path("counts").path("rejected").asInt());
        assertEquals(1, run.path("counts").path("failed").asInt());

        for (Path file : List.of(Drop.output(run, ".audit.csv"), Drop.output(run, ".errors.csv"))) {
            for (CSVRecord record : Drop.csv(file)) {
                for (String cell : record) {
                    assertTrue(cell.isEmpty() || "=+-@\t\r".indexOf(cell.charAt(0)) < 0,
                            file.getFileName() + " line " + record.getRecordNumber() + " has a live cell: " + cell);
                }
            }
        }
        String errors = Files.readString(Drop.output(run, ".errors.csv"), StandardCharsets.UTF_8);
        assertTrue(errors.contains("'=HYPERLINK") && errors.contains("'+VIP_Line") && errors.contains("'@SUM"), errors);

        // agent 2 is unlocked in CXone; the error file goes back as it is
        tenant.faults().refusedAgents.clear();
        Path errorFile = Drop.output(run, ".errors.csv");
        Files.move(errorFile, Drop.WORK.resolve("inbox").resolve(errorFile.getFileName()));
        JsonNode rerun = Drop.awaitRun(errorFile.getFileName().toString());
        assertEquals(1, rerun.path("counts").path("applied").asInt(), rerun.toString());
        assertEquals(2, rerun.path("counts").path("rejected").asInt(), "the wrong rows are still wrong, for the same reasons");
        assertEquals(4, tenant.assignment(Tenants.agentId(2), 112299).proficiency(), "'+VIP_Line read back as +VIP_Line");
    }
}
