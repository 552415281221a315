package io.skillsync.console;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.skillsync.Drop;
import io.skillsync.cxone.TenantDirectory;
import io.skillsync.simulator.TenantSimulator;
import io.skillsync.support.Tenants;

/**
 * Issue 24 on the console: what is scheduled (rows effective later, ends of temporary changes) is listed
 * soonest first, an operator cancels one (a viewer cannot), on the page and through /ops; and HR's mapping
 * files are shown as the next run reads them, a malformed one in red. Black-box, through HTTP; the scheduled
 * files come from a roster dropped into the inbox, as HR's would.
 */
@QuarkusTest
class ConsoleScheduledTest {

    static final String ROSTER = "console-later.csv";
    static final Path SCHEDULED = Drop.WORK.resolve("scheduled");
    static final Path ERROR = Drop.WORK.resolve("error");
    static final Path MAPPINGS = Drop.WORK.resolve("mappings");

    @Inject
    TenantSimulator tenant;
    @Inject
    TenantDirectory directory;

    @AfterEach
    void leaveNothingForOtherTests() throws IOException {
        // other tests count scheduled/ and read the mappings at each run: none of this test's files may stay
        for (Path dir : List.of(SCHEDULED, ERROR)) {
            if (Files.isDirectory(dir)) {
                try (Stream<Path> files = Files.list(dir)) {
                    for (Path f : files.filter(f -> f.getFileName().toString().startsWith("console-later")).toList()) {
                        Files.deleteIfExists(f);
                    }
                }
            }
        }
        Files.deleteIfExists(MAPPINGS.resolve("levels.csv"));
    }

    @Test
    void scheduledFilesAreListedAndOnlyAnOperatorCancelsOne() throws IOException {
        Tenants.everyoneOnTier1(tenant, directory, 3);
        Drop.roster(ROSTER, String.join("\n", "email,skill,proficiency,effective,until",
                Tenants.email(1) + ",Tier_1_Support,2,2099-02-01T00:00:00Z,",
                Tenants.email(2) + ",Tier_1_Support,4,2099-01-01T00:00:00Z,",
                Tenants.email(3) + ",Tier_1_Support,6,2099-01-01T00:00:00Z,",
                Tenants.email(1) + ",Retention,5,,2099-03-01T00:00:00Z", ""));
        Drop.awaitRun(ROSTER);

        // the JSON twin: soonest first, each with its kind and rows
        JsonPath listed = given().auth().preemptive().basic("victor", "viewing").get("/ops/scheduled").then().statusCode(200)
                .extract().jsonPath();
        List<Map<String, Object>> mine = listed.<Map<String, Object>>getList("").stream()
                .filter(s -> s.get("name").toString().startsWith("console-later")).toList();
        assertEquals(3, mine.size(), listed.prettify());
        assertEquals(List.of("2099-01-01T00:00:00Z", "2099-02-01T00:00:00Z", "2099-03-01T00:00:00Z"),
                mine.stream().map(s -> s.get("dueUtc")).toList());
        assertEquals(List.of(ScheduledPanel.LATER, ScheduledPanel.LATER, ScheduledPanel.UNTIL_ENDS),
                mine.stream().map(s -> s.get("kind")).toList());
        assertEquals(List.of(2, 1, 1), mine.stream().map(s -> s.get("rows")).toList());
        String first = mine.get(0).get("name").toString();
        String second = mine.get(1).get("name").toString();
        String until = mine.get(2).get("name").toString();
        assertTrue(until.startsWith("console-later-until."), until);

        // a viewer sees them all, and no Cancel button; his POST is refused before anything moves
        ConsoleSessions victor = ConsoleSessions.signIn("victor", "viewing");
        String viewersPage = given().cookies(victor.cookies()).get("/console").asString();
        for (String name : List.of(first, second, until)) {
            assertTrue(viewersPage.contains("<td>" + name + "</td>"), name + " not listed");
        }
        assertTrue(viewersPage.indexOf(first) < viewersPage.indexOf(second), "soonest first");
        assertTrue(viewersPage.contains(ScheduledPanel.UNTIL_ENDS) && viewersPage.contains(ScheduledPanel.LATER));
        assertFalse(viewersPage.contains("cancel-scheduled"), "a viewer is offered a Cancel button");
        given().redirects().follow(false).cookies(victor.cookies()).formParam("file", first)
                .formParam(ConsoleCsrf.FIELD, victor.token()).post("/console/cancel-scheduled").then().statusCode(403);
        given().auth().preemptive().basic("victor", "viewing").contentType("application/json")
                .post("/ops/scheduled/" + first + "/cancel").then().statusCode(403);
        assertTrue(Files.exists(SCHEDULED.resolve(first)), "a viewer's POST moved the file");

        // an operator cancels: the file is set aside with the reason naming her, and the cancel is recorded
        ConsoleSessions alice = ConsoleSessions.signIn("alice", "wonderland");
        assertTrue(given().cookies(alice.cookies()).get("/console").asString().contains("class=\"cancel-scheduled\""));
        Response cancelled = given().redirects().follow(false).cookies(alice.cookies()).formParam("file", first)
                .formParam(ConsoleCsrf.FIELD, alice.token()).post("/console/cancel-scheduled");
        assertEquals(303, cancelled.statusCode(), cancelled.asString());
        assertTrue(cancelled.getHeader("Location").endsWith("message=cancelled"), cancelled.getHeader("Location"));
        assertFalse(Files.exists(SCHEDULED.resolve(first)));
        assertTrue(Files.exists(ERROR.resolve(first)));
        assertTrue(reason(first).contains("cancelled by alice"), reason(first));
        String after = given().cookies(alice.cookies()).get(cancelled.getHeader("Location")).asString();
        assertTrue(after.contains(ConsoleMessage.CANCELLED.text()), "the page says it was cancelled");
        assertTrue(after.contains("<td>cancel</td><td>scheduled/" + first + "</td>"), "the cancel is not among the actions");
        assertFalse(after.contains("<td>" + first + "</td>"), "still listed as scheduled");

        // again: it is not scheduled any more, and the answer says so
        Response again = given().redirects().follow(false).cookies(alice.cookies()).formParam("file", first)
                .formParam(ConsoleCsrf.FIELD, alice.token()).post("/console/cancel-scheduled");
        assertEquals(404, again.statusCode());
        assertTrue(again.asString().contains("that file is not scheduled"), again.asString());

        // through /ops, as a script does: the same cancel, the same 404 once done
        given().auth().preemptive().basic("alice", "wonderland").contentType("application/json")
                .post("/ops/scheduled/" + second + "/cancel").then().statusCode(200);
        assertTrue(Files.exists(ERROR.resolve(second)) && reason(second).contains("cancelled by alice"));
        String refused = given().auth().preemptive().basic("alice", "wonderland").contentType("application/json")
                .post("/ops/scheduled/" + second + "/cancel").then().statusCode(404).extract().path("error");
        assertTrue(refused.contains("is not scheduled"), refused);
        given().auth().preemptive().basic("alice", "wonderland").contentType("application/json")
                .post("/ops/scheduled/" + until + "/cancel").then().statusCode(200);
    }

    @Test
    void aRosterNamedLikeAnEndOfATemporaryChangeHasItsLaterRowsShownAsSuch() throws IOException {
        // HR's own x-until.csv: its rows effective later wait as x-until.<runId>.<due>.csv, named as the end of a
        // temporary change of a roster x would be; what the file holds tells them apart, not its name
        Tenants.everyoneOnTier1(tenant, directory, 1);
        String roster = "console-later-until.csv";
        Drop.roster(roster, String.join("\n", "email,skill,proficiency,effective",
                Tenants.email(1) + ",Tier_1_Support,3,2099-04-01T00:00:00Z", ""));
        Drop.awaitRun(roster);

        JsonPath listed = given().auth().preemptive().basic("victor", "viewing").get("/ops/scheduled").then().statusCode(200)
                .extract().jsonPath();
        List<Map<String, Object>> mine = listed.<Map<String, Object>>getList("").stream()
                .filter(s -> s.get("name").toString().startsWith("console-later-until.")).toList();
        assertEquals(1, mine.size(), listed.prettify());
        assertEquals(ScheduledPanel.LATER, mine.get(0).get("kind"), listed.prettify());
    }

    @Test
    void hrsMappingFilesAreShownAndAMalformedOneStopsTheRunsInRed() throws IOException, NoSuchAlgorithmException {
        Files.createDirectories(MAPPINGS);
        String good = "hr,proficiency\nexpert,20\nbeginner,5\n90..100,18\n";
        Files.writeString(MAPPINGS.resolve("levels.csv"), good);
        ConsoleSessions victor = ConsoleSessions.signIn("victor", "viewing");
        String page = given().cookies(victor.cookies()).get("/console").asString();
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(good.getBytes(StandardCharsets.UTF_8)));
        assertTrue(page.contains("<code>" + sha.substring(0, 12) + "</code>"), "the sum of levels.csv is not shown");
        assertTrue(page.contains("levels mapped: expert, beginner, 90..100"), "what levels.csv maps is not shown");
        assertFalse(page.contains("id=\"mappings-stop\""), "a good file stops the runs");

        Files.writeString(MAPPINGS.resolve("levels.csv"), "hr,proficiency\nexpert,20\nbeginner,twenty\n");
        page = given().cookies(victor.cookies()).get("/console").asString();
        assertTrue(page.contains("id=\"mappings-stop\""), "the page does not say the runs are stopped");
        assertTrue(page.contains("runs are stopped until it is put right"));
        assertTrue(page.matches("(?s).*class=\"problem mapping-error\">mappings/levels.csv line 3: [^<]*is not a number 1..20.*"),
                "the run's message, naming file and line, is not shown in red");
        JsonPath ops = given().auth().preemptive().basic("victor", "viewing").get("/ops/mappings").then().statusCode(200).extract()
                .jsonPath();
        assertTrue(ops.getString("find { it.file == 'mappings/levels.csv' }.error").startsWith("mappings/levels.csv line 3"),
                ops.prettify());

        Files.delete(MAPPINGS.resolve("levels.csv"));
        page = given().cookies(victor.cookies()).get("/console").asString();
        assertFalse(page.contains("id=\"mappings-stop\""), "read afresh: gone is gone");
    }

    private static String reason(String name) throws IOException {
        String base = name.substring(0, name.length() - ".csv".length());
        try (Stream<Path> files = Files.list(ERROR)) {
            Path file = files.filter(f -> f.getFileName().toString().startsWith(base + ".") && f.toString().endsWith(".reason.txt"))
                    .findFirst().orElseThrow(() -> new AssertionError("no reason file for " + name));
            return Files.readString(file);
        }
    }
}
