package io.skillsync;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import io.skillsync.cxone.TenantDirectory;
import io.skillsync.simulator.TenantSimulator;
import io.skillsync.support.Rosters;
import io.skillsync.support.Tenants;
import io.skillsync.support.profiles.MailToHr;

/** The nightly SFTP drop, against an embedded Apache MINA SSHD server: what HR puts there reaches CXone once. */
@QuarkusTest
@QuarkusTestResource(value = SftpServer.class, restrictToAnnotatedClass = true)
@TestProfile(MailToHr.class)
class SftpIntakeTest {

    static final Path RESULTS = SftpServer.ROOT.resolve("results");

    static final Path OUTBOX = SftpServer.ROOT.resolve("outbox");

    @Inject
    TenantSimulator tenant;
    @Inject
    io.quarkus.mailer.MockMailbox mailbox;
    @Inject
    TenantDirectory directory;
    @Inject
    org.apache.camel.CamelContext camel;
    @Inject
    io.skillsync.cluster.Leadership leadership;

    @Test
    void aDroppedFileIsDownloadedProcessedAndMovedOnTheServer() {
        Tenants.everyoneOnTier1(tenant, directory, 10);
        SftpServer.upload("nightly-sftp.csv", Rosters.everyoneGetsRetention(10));
        JsonNode run = Drop.awaitRun("nightly-sftp.csv");
        assertEquals(10, run.path("counts").path("applied").asInt(), run.toString());
        // archived under the time it was taken: last night's file of the same name is never overwritten
        await().atMost(Duration.ofSeconds(20)).until(() -> archived("nightly-sftp.csv") == 1);
        assertFalse(Files.exists(OUTBOX.resolve("nightly-sftp.csv")), "moved on the server, never deleted");
    }

    /** HR hears back on the server it dropped the file on: the result, and the rows to correct. */
    @Test
    void aBadRowComesBackToHrInTheResultsFolder() throws Exception {
        Tenants.everyoneOnTier1(tenant, directory, 10);
        String roster = Rosters.everyoneGetsRetention(10) + Tenants.email(11).replace("@", "@@") + ",Retention,5\n";
        SftpServer.upload("results-night.csv", roster);
        JsonNode run = Drop.awaitRun("results-night.csv");
        assertEquals(1, run.path("counts").path("rejected").asInt(), run.toString());
        String runId = run.path("runId").asText();
        Path result = RESULTS.resolve("results-night." + runId + ".result.txt");
        Path errors = RESULTS.resolve("results-night." + runId + ".errors.csv");
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(result));
        String text = Files.readString(result);
        assertTrue(text.contains("result: complete") && text.contains("applied 10") && text.contains("rejected 1")
                && text.contains(errors.getFileName().toString()), text);
        assertTrue(Files.readString(errors).contains("@@"), "the error file names the bad row");
        try (var left = Files.list(RESULTS)) {
            assertTrue(left.noneMatch(p -> p.getFileName().toString().endsWith(".part")), "no temporary name left");
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> !mailbox.getMailsSentTo("wfm@example.com").isEmpty());
        var mail = mailbox.getMailsSentTo("hr-ops@example.com").stream()
                .filter(m -> m.getText().contains(runId)).findFirst().orElseThrow();
        assertTrue(mail.getSubject().contains("results-night.csv") && mail.getSubject().contains("1 rejected"), mail.getSubject());
        assertFalse(mail.getText().contains("@"), "no e-mail address of an agent in the mail: " + mail.getText());
    }

    /**
     * Before: the uploads went on after one failed, so a run whose error file never reached HR was marked
     * reported by its result file (which names the error file) and the error file was never tried again.
     */
    @Test
    void aRunIsReportedOnlyOnceItsErrorFileIsThere() throws Exception {
        Tenants.everyoneOnTier1(tenant, directory, 3);
        // run-results is started by the intake's opening, and delivers on the leader only: both first
        await().atMost(Duration.ofSeconds(30)).until(() -> camel.getRouteController().getRouteStatus("run-results").isStarted()
                && leadership.leads());
        camel.getRouteController().stopRoute("run-results");
        try {
            SftpServer.upload("results-blocked.csv", Rosters.everyoneGetsRetention(3) + "not-an-email,Retention,5\n");
            JsonNode run = Drop.awaitRun("results-blocked.csv");
            String runId = run.path("runId").asText();
            Path result = RESULTS.resolve("results-blocked." + runId + ".result.txt");
            Path errors = RESULTS.resolve("results-blocked." + runId + ".errors.csv");
            // the error file's upload fails: a folder stands where its temporary name would be written
            Path blocker = Files.createDirectories(RESULTS.resolve(".results-blocked." + runId + ".errors.csv.part"));
            camel.getRouteController().startRoute("run-results");
            // the poll that mails the run goes on to its uploads: the error file fails, the result file must wait
            await().atMost(Duration.ofSeconds(10)).until(() -> mailbox.getMailsSentTo("hr-ops@example.com").stream()
                    .anyMatch(m -> m.getText().contains(runId)));
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> !Files.exists(result));
            assertFalse(Files.exists(errors));
            Files.delete(blocker);
            await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(errors) && Files.exists(result));
        } finally {
            camel.getRouteController().startRoute("run-results");
        }
    }

    /** Before: a remote "*.approved.csv" skipped the guard and deactivated 50 of 200 agents. */
    /** HR checks tonight's file first: from the preview folder it runs as a dry run, and the plan comes back. */
    @Test
    void aFileInThePreviewFolderIsADryRunWhosePlanComesBackToHr() throws Exception {
        Tenants.everyoneOnTier1(tenant, directory, 4);
        SftpServer.upload("preview", "tonight.csv", Rosters.everyoneGetsRetention(3) + Tenants.email(4) + ",Tier_1_Support,10,\n"
                + "not-an-email,Retention,5,\n");
        JsonNode run = Drop.awaitRun("tonight.dryrun.csv");
        assertEquals("dry-run", run.path("mode").asText(), run.toString());
        assertEquals(3, run.path("counts").path("planned").asInt(), run.toString());
        assertEquals(null, tenant.assignment(Tenants.agentId(1), Tenants.RETENTION), "nothing written");
        String runId = run.path("runId").asText();
        Path plan = RESULTS.resolve("tonight.dryrun." + runId + ".plan.csv");
        Path result = RESULTS.resolve("tonight.dryrun." + runId + ".result.txt");
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(result));
        String lines = Files.readString(plan);
        assertTrue(lines.startsWith("line,agent,skill,now,would be,outcome,detail"), lines);
        assertTrue(lines.contains("2," + Tenants.email(1) + ",Retention,not assigned,\"5, active\",planned"), lines);
        assertTrue(lines.contains("5," + Tenants.email(4) + ",Tier_1_Support,\"10, active\",\"10, active\",unchanged"), lines);
        String text = Files.readString(result);
        assertTrue(text.contains("dry run: nothing was written") && text.contains("plan: " + plan.getFileName()), text);
        await().atMost(Duration.ofSeconds(20)).until(() -> !Files.exists(SftpServer.ROOT.resolve("preview/tonight.csv")));
    }

    @Test
    void aRemoteApprovedNameApprovesNothing() {
        Tenants.everyoneOnTier1(tenant, directory, 200);
        StringBuilder csv = new StringBuilder("email,skill,proficiency,active\n");
        for (int n = 1; n <= 50; n++) {
            csv.append(Tenants.email(n)).append(",Tier_1_Support,,false\n");
        }
        SftpServer.upload("nightly.approved.csv", csv.toString());
        JsonNode run = Drop.awaitRun("nightly-approved.csv");
        assertEquals("held", run.path("result").asText(), run.toString());
        assertEquals(0, tenant.writes(), "nothing reached routing");
        // the operators and HR hear of a held file without waiting for an alert
        await().atMost(Duration.ofSeconds(20)).until(() -> mailbox.getMailsSentTo("hr-ops@example.com").stream()
                .anyMatch(m -> m.getSubject().equals("SkillSync: nightly-approved.csv held: nothing written")
                        && m.getText().contains("held because:")));
        assertTrue(tenant.assignment(Tenants.agentId(1), Tenants.TIER_1).active());
    }

    @Test
    void aSlowUploadIsTakenOnlyWhenComplete() throws Exception {
        Tenants.everyoneOnTier1(tenant, directory, 40);
        String roster = Rosters.everyoneGetsRetention(40);
        byte[] bytes = roster.getBytes(StandardCharsets.UTF_8);
        Path remote = OUTBOX.resolve("slow.csv");
        try (OutputStream out = Files.newOutputStream(remote, StandardOpenOption.CREATE_NEW)) {
            for (int at = 0; at < bytes.length; at += 200) {
                out.write(bytes, at, Math.min(200, bytes.length - at));
                out.flush();
                // HR's upload trickles in: slower than the intake looks, faster than it settles
                Thread.sleep(250);
            }
        }
        JsonNode run = Drop.awaitRun("slow.csv");
        assertEquals(40, run.path("counts").path("rows").asInt(), "the whole file, not a part: " + run);
        assertEquals(40, run.path("counts").path("applied").asInt());
    }

    @Test
    void aWrongHostKeyIsRefusedLoudlyAndNothingIsTaken() throws Exception {
        // the server comes back with a key known_hosts does not name (rebuilt, or someone in the middle)
        SftpServer.wrongHostKey();
        SftpServer.down();
        SftpServer.up();
        try {
            SftpServer.upload("impostor.csv", Rosters.everyoneGetsRetention(3));
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(503)
                    .body(containsString("host key")));
            assertTrue(Files.exists(OUTBOX.resolve("impostor.csv")), "nothing was taken from a server that is not HR's");
            assertFalse(Files.exists(Drop.WORK.resolve("inbox/impostor.csv")));
        } finally {
            SftpServer.rightHostKey();
        }
        Tenants.everyoneOnTier1(tenant, directory, 3);
        JsonNode run = Drop.awaitRun("impostor.csv");
        assertEquals(3, run.path("counts").path("rows").asInt());
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200));
    }

    @Test
    void aServerThatIsDownIsTriedAgainUntilItIsBack() throws Exception {
        SftpServer.down();
        try {
            SftpServer.upload("after-outage.csv", Rosters.everyoneGetsRetention(2));
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(503)
                    .body(containsString("sftp")));
            try (var inbox = Files.list(Drop.WORK.resolve("inbox"))) {
                assertTrue(inbox.noneMatch(f -> f.getFileName().toString().contains("after-outage")), "nothing partial");
            }
        } finally {
            SftpServer.up();
        }
        Tenants.everyoneOnTier1(tenant, directory, 2);
        assertEquals(2, Drop.awaitRun("after-outage.csv").path("counts").path("rows").asInt());
    }

    @Test
    void oddRemoteNamesCannotEscapeTheInbox() throws Exception {
        Tenants.everyoneOnTier1(tenant, directory, 2);
        SftpServer.upload("Roster (final);$(rm -rf ~).csv", Rosters.everyoneGetsRetention(2));
        JsonNode run = Drop.awaitRun("Roster__final____rm_-rf___.csv");
        assertEquals(2, run.path("counts").path("rows").asInt(), run.toString());
        try (var inbox = Files.list(Drop.WORK.resolve("inbox"))) {
            assertTrue(inbox.noneMatch(f -> f.getFileName().toString().contains("$")), "no shell character reaches the disk");
        }
    }

    @Test
    void aFileTheServerWillNotLetGoIsDownloadedOnce() throws Exception {
        Tenants.everyoneOnTier1(tenant, directory, 2);
        // the archive names processed/<time>-stuck.csv are folders for the next 30 s: the remote move fails,
        // and the file stays on the server
        java.time.format.DateTimeFormatter stamp = java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");
        java.time.LocalDateTime now = java.time.LocalDateTime.now();
        for (int s = 0; s <= 30; s++) {
            Files.createDirectories(OUTBOX.resolve("processed/" + stamp.format(now.plusSeconds(s)) + "-stuck.csv"));
        }
        SftpServer.upload("stuck.csv", Rosters.everyoneGetsRetention(2));
        JsonNode first = Drop.awaitRun("stuck.csv");
        assertEquals(2, first.path("counts").path("applied").asInt());
        assertTrue(Files.exists(OUTBOX.resolve("stuck.csv")), "the server kept it");
        // for several polls of the server, it is not downloaded again
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> runsOf("stuck.csv") == 1);
    }

    private static long archived(String name) throws java.io.IOException {
        try (var files = Files.list(OUTBOX.resolve("processed"))) {
            return files.filter(f -> f.getFileName().toString().matches("\\d{8}T\\d{6}-" + java.util.regex.Pattern.quote(name)))
                    .filter(Files::isRegularFile).count();
        }
    }

    private static long runsOf(String name) throws java.io.IOException {
        return Drop.summaries(Drop.WORK).stream().filter(s -> s.path("file").asText().equals(name)).count();
    }
}
