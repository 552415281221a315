package io.skillsync.console;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import io.skillsync.Drop;
import io.skillsync.cxone.TenantDirectory;
import io.skillsync.record.RunIds;
import io.skillsync.simulator.TenantSimulator;
import io.skillsync.support.Inbox;
import io.skillsync.support.Tenants;
import io.skillsync.support.WorkDirs;
import io.skillsync.support.profiles.SmallRosters;

/**
 * Issue 23, the console under load. An upload over max-file-size is refused saying so and leaves nothing
 * behind; only max-open previews are open at once; a preview older than keep is removed at the next look
 * (review N4). In Chromium: a 15,000-row run's page shows its rows a page at a time, filtered by outcome or
 * text; the runs chart's time axis spans one run's day, or thirty days of runs. In a work dir of its own
 * (the chart counts every run there), where rosters may be 1 MiB.
 */
@QuarkusTest
@TestProfile(SmallRosters.class)
class ConsoleUnderLoadTest {

    static final Path WORK = SmallRosters.WORK;
    static final String BASE = ConsoleBrowserTest.BASE;
    static final int MAX_FILE_SIZE = SmallRosters.MAX_FILE_SIZE;
    /** What the console says of an upload over the limit: one of its own messages (no figures from the request, N11). */
    static final String LIMIT = ConsoleMessage.UPLOAD_TOO_LARGE.text();

    @Inject
    TenantSimulator tenant;
    @Inject
    TenantDirectory directory;

    @Test
    void anUploadOverMaxFileSizeIsRefusedSayingSoAndLeavesNothing() throws Exception {
        ConsoleSessions alice = ConsoleSessions.signIn("alice", "wonderland");
        String before = folders();

        // as a browser sends it: the body's length first, so it is refused before any of it is stored
        HttpResponse<String> upload = upload(alice, "big.csv", roster(MAX_FILE_SIZE + 1000));
        assertEquals(303, upload.statusCode(), upload.body());
        String page = console(alice, upload);
        assertTrue(page.contains(LIMIT), page);

        // a file of error/ over the limit, previewed: refused by its size, nothing copied
        Files.createDirectories(WORK.resolve("error"));
        Files.write(WORK.resolve("error/huge.csv"), roster(MAX_FILE_SIZE + 1));
        Response waiting = given().cookies(alice.cookies()).redirects().follow(false).formParam("file", "huge.csv")
                .formParam(ConsoleCsrf.FIELD, alice.token()).post(BASE + "/console/preview-waiting");
        assertEquals(303, waiting.statusCode(), waiting.asString());
        String said = given().urlEncodingEnabled(false).cookies(alice.cookies()).get(waiting.header("Location")).asString();
        assertTrue(said.contains(LIMIT), said);
        Files.delete(WORK.resolve("error/huge.csv"));

        assertEquals(before, folders(), "nothing in previews/, staging/ or the inbox");
    }

    @Test
    void onlyMaxOpenPreviewsAreOpenAtOnceUntilOneIsDiscarded() throws Exception {
        Tenants.everyoneOnTier1(tenant, directory, 5);
        WorkDirs.deleteTree(WORK.resolve("previews"));
        ConsoleSessions alice = ConsoleSessions.signIn("alice", "wonderland");
        List<String> ids = new ArrayList<>();
        for (int n = 1; n <= 5; n++) {
            ids.add(previewed(upload(alice, "open-" + n + ".csv", roster(200))));
        }

        HttpResponse<String> sixth = upload(alice, "open-6.csv", roster(200));
        assertEquals(303, sixth.statusCode(), sixth.body());
        String page = console(alice, sixth);
        assertTrue(page.contains(ConsoleMessage.TOO_MANY_PREVIEWS.text()), page);
        assertEquals(5, previews().size(), "no sixth preview kept");
        assertFalse(folders().contains("open-6"), "nor its dry run queued");

        // one discarded: its place is free
        Response discarded = given().cookies(alice.cookies()).redirects().follow(false).formParam("id", ids.get(0))
                .formParam(ConsoleCsrf.FIELD, alice.token()).post(BASE + "/console/discard");
        assertEquals(303, discarded.statusCode(), discarded.asString());
        assertFalse(previews().contains(ids.get(0)));
        ids.set(0, previewed(upload(alice, "open-6.csv", roster(200))));

        // every dry run planned, none left in the inbox (the discarded one ran or was taken out unrun)
        for (String id : ids) {
            await().atMost(Duration.ofSeconds(60)).until(() -> given().auth().preemptive().basic("alice", "wonderland")
                    .get(BASE + "/ops/previews/" + id).path("planned"), Boolean.TRUE::equals);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> !folders().contains("inbox/"));
    }

    @Test
    void aPreviewOlderThanKeepIsRemovedWithItsFilesAtTheNextLook() throws Exception {
        String old = aged(Duration.ofDays(8));
        String recent = aged(Duration.ofDays(6));
        given().auth().preemptive().basic("alice", "wonderland").get(BASE + "/ops/previews/" + old).then().statusCode(200);

        // the next look: the console's page, which lists the previews
        given().cookies(ConsoleSessions.signIn("victor", "viewing").cookies()).get(BASE + "/console").then().statusCode(200);
        assertFalse(Files.exists(WORK.resolve("previews").resolve(old)), "removed with its files");
        given().auth().preemptive().basic("alice", "wonderland").get(BASE + "/ops/previews/" + old).then().statusCode(404);
        assertTrue(Files.exists(WORK.resolve("previews").resolve(recent).resolve("roster.csv")), "within keep (7 days): kept");
        WorkDirs.deleteTree(WORK.resolve("previews").resolve(recent));
    }

    @Test
    void aRunOf15000RowsShowsItsRowsAPageAtATimeAndFiltersThem() throws Exception {
        Tenants.everyoneOnTier1(tenant, directory, 5000);
        List.of(7, 8, 9).forEach(n -> tenant.faults().refusedAgents.add(Tenants.agentId(n)));
        StringBuilder roster = new StringBuilder("email,skill,proficiency\n");
        for (int n = 1; n <= 5000; n++) {
            roster.append(Tenants.email(n)).append(",Tier_1_Support,10\n") // as CXone holds it: unchanged
                    .append(Tenants.email(n)).append(",Retention,5\n") // new: applied; agents 7 to 9 are locked: failed
                    .append(Tenants.email(n)).append(",Tier_2_Support,25\n"); // out of range: rejected
        }
        JsonNode run;
        try {
            run = run("long-night.csv", roster.toString());
        } finally {
            tenant.faults().refusedAgents.clear();
        }
        assertEquals(15000, run.path("counts").path("rows").asInt(), run.toString());
        assertEquals(3, run.path("counts").path("failed").asInt(), run.toString());

        WebDriver browser = browser();
        ConsoleBrowserTest.signIn("alice", "wonderland");
        long asked = System.nanoTime();
        browser.get(BASE + "/console/run?id=" + run.path("runId").asText());
        ConsoleBrowserTest.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("pages")));
        System.out.printf("a 15,000-row run's page: shown in Chromium %d ms after it was asked for%n", (System.nanoTime() - asked) / 1_000_000);
        assertEquals(100, browser.findElements(By.cssSelector("tr.row")).size(), "its first page");
        assertEquals("Rows 1\u2013100 of 15000; page 1 of 150.", browser.findElement(By.id("rows-shown")).getText());
        String pages = browser.findElement(By.id("pages")).getText();
        assertTrue(pages.contains("150") && pages.contains("next"), pages);
        assertEquals("failed (3)", browser.findElement(By.id("filter-failed")).getText(), "every outcome counted at the top");
        assertEquals("rejected (5000)", browser.findElement(By.id("filter-rejected")).getText());
        ConsoleBrowserTest.shot("08-long-run-first-page");

        browser.findElement(By.cssSelector("#pages a[rel=next]")).click();
        ConsoleBrowserTest.wait.until(ExpectedConditions.textToBe(By.id("rows-shown"), "Rows 101\u2013200 of 15000; page 2 of 150."));
        assertEquals(100, browser.findElements(By.cssSelector("tr.row")).size());

        // the failed rows alone: three, each saying why
        browser.findElement(By.id("filter-failed")).click();
        ConsoleBrowserTest.wait.until(ExpectedConditions.textToBe(By.id("rows-shown"), "Rows 1\u20133 of 3 failed; page 1 of 1."));
        List<WebElement> failed = browser.findElements(By.cssSelector("tr.row"));
        assertEquals(3, failed.size());
        for (WebElement row : failed) {
            assertTrue(row.getAttribute("class").contains("outcome-failed") && row.getText().contains("Retention"), row.getText());
        }
        assertTrue(browser.findElements(By.id("pages")).isEmpty(), "one page: no page links");
        ConsoleBrowserTest.shot("09-long-run-failed-rows");

        // one agent's rows, by a text in the e-mail, of every outcome
        browser.findElement(By.cssSelector("#outcomes a")).click();
        ConsoleBrowserTest.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("pages")));
        browser.findElement(By.id("row-text")).sendKeys(Tenants.email(2));
        browser.findElement(By.id("row-text-filter")).click();
        ConsoleBrowserTest.wait.until(ExpectedConditions.textToBe(By.id("rows-shown"),
                "Rows 1\u20133 of 3 holding \u201c" + Tenants.email(2) + "\u201d; page 1 of 1."));
        String rows = browser.findElement(By.id("rows")).getText();
        assertTrue(rows.contains("unchanged") && rows.contains("applied") && rows.contains("rejected"), rows);
    }

    @Test
    void theRunsChartShowsOneRunsDayAndThirtyDaysOfRuns() throws Exception {
        // this work dir's runs only: none other running, none kept from this class's other tests
        await().atMost(Duration.ofSeconds(60)).until(() -> !folders().contains("inbox/"));
        WorkDirs.deleteTree(WORK.resolve("audit"));
        Tenants.everyoneOnTier1(tenant, directory, 5);
        JsonNode run = run("one-night.csv", "email,skill,proficiency\n" + Tenants.email(1) + ",Retention,5\n");
        Instant started = Instant.parse(run.path("started").asText());
        long day = started.truncatedTo(ChronoUnit.DAYS).getEpochSecond();

        browser();
        ConsoleBrowserTest.signIn("victor", "viewing");
        List<Long> ticks = chartTicks();
        System.out.println("one run at " + started + ": the time axis reads " + ConsoleBrowserTest.browser.findElement(By.id("chart"))
                .getAttribute("data-tick-labels"));
        assertFalse(ticks.isEmpty());
        for (long tick : ticks) {
            assertTrue(tick >= day && tick < day + 86400, "a tick at " + Instant.ofEpochSecond(tick) + " is outside the run's day");
        }
        assertTrue(ConsoleBrowserTest.browser.findElement(By.id("chart")).getAttribute("data-tick-labels")
                .contains(started.toString().substring(0, 10)), "the axis names the run's day");
        ConsoleBrowserTest.shot("10-chart-one-run");

        // the same run as if it had also run on each of the 29 days before
        for (int back = 1; back <= 29; back++) {
            Instant then = started.minus(Duration.ofDays(back));
            String runId = RunIds.next(then);
            ObjectNode earlier = ((ObjectNode) run.deepCopy()).put("runId", runId).put("started", then.toString())
                    .put("finished", then.plusSeconds(2).toString());
            Path folder = Files.createDirectories(WORK.resolve("audit").resolve(then.atZone(ZoneOffset.UTC).toLocalDate().toString()));
            Files.writeString(folder.resolve(runId + ".summary.json"), earlier.toString());
        }
        ticks = chartTicks();
        System.out.println("runs over 30 days: the time axis reads " + ConsoleBrowserTest.browser.findElement(By.id("chart"))
                .getAttribute("data-tick-labels"));
        assertEquals(day - 29 * 86400, ticks.get(0), "the first tick is the first run's day");
        assertEquals(day, ticks.get(ticks.size() - 1), "the last tick is the last run's day");
        assertTrue(ticks.size() >= 3 && ticks.size() <= 10, ticks.toString());
        ConsoleBrowserTest.shot("11-chart-thirty-days");
    }

    /** The console's runs chart, drawn anew: the times of its axis' ticks (s), as the page tells them. */
    static List<Long> chartTicks() {
        ConsoleBrowserTest.browser.get(BASE + "/console");
        WebElement chart = ConsoleBrowserTest.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#chart[data-ticks]")));
        return Stream.of(chart.getAttribute("data-ticks").split(" ")).map(Long::valueOf).toList();
    }

    /** Drops a roster into this work dir's inbox and waits for its run's summary. */
    static JsonNode run(String name, String roster) throws Exception {
        Inbox.drop(WORK, name, Inbox.inStagingFolder(WORK, name), roster);
        return await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100))
                .until(() -> Drop.summaries(WORK).stream().filter(s -> s.path("file").asText().equals(name)).findFirst(),
                        java.util.Optional::isPresent).get();
    }

    /** Chromium, opened at the first test that needs it (the others run without), closed after the last. */
    static WebDriver browser() throws Exception {
        if (!browserOpen) {
            ConsoleBrowserTest.openBrowser();
            browserOpen = true;
        }
        return ConsoleBrowserTest.browser;
    }

    static boolean browserOpen;

    @AfterAll
    static void closeBrowser() {
        if (browserOpen) {
            ConsoleBrowserTest.closeBrowser();
            browserOpen = false;
        }
    }

    /** A preview made {@code age} ago, as the console keeps one: its folder named by its id, its record, its roster. */
    static String aged(Duration age) throws Exception {
        Instant made = Instant.now().minus(age);
        String id = RunIds.next(made);
        Path dir = Files.createDirectories(WORK.resolve("previews").resolve(id));
        Files.write(dir.resolve("roster.csv"), roster(100));
        Files.writeString(dir.resolve("preview.json"), "{\"id\":\"" + id + "\",\"name\":\"aged.csv\",\"source\":\"upload aged.csv\","
                + "\"sha256\":\"" + io.skillsync.record.ReleaseBook.sha256(Files.newInputStream(dir.resolve("roster.csv"))) + "\",\"by\":\"alice\",\"at\":\"" + made
                + "\",\"dryRunFile\":\"aged.preview-" + id + ".dryrun.csv\"}");
        return id;
    }

    /** The id of the preview an upload made (it answers with the preview's page). */
    static String previewed(HttpResponse<String> upload) {
        assertEquals(303, upload.statusCode(), upload.body());
        String location = upload.headers().firstValue("Location").orElseThrow();
        assertTrue(location.contains("/console/preview?id="), location);
        return location.replaceFirst(".*[?&]id=", "");
    }

    /** The previews kept, by id. */
    static List<String> previews() throws Exception {
        Path dir = WORK.resolve("previews");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(dir)) {
            return dirs.map(d -> d.getFileName().toString()).sorted().toList();
        }
    }

    /** What previews/, staging/ and inbox/ hold, for comparing. */
    static String folders() throws Exception {
        StringBuilder held = new StringBuilder();
        for (String folder : List.of("previews", "staging", "inbox")) {
            Path dir = WORK.resolve(folder);
            if (Files.isDirectory(dir)) {
                try (Stream<Path> files = Files.walk(dir)) {
                    files.filter(Files::isRegularFile).sorted().forEach(f -> held.append(WORK.relativize(f)).append('\n'));
                }
            }
        }
        return held.toString();
    }

    /** The console page an answer sends to, as the browser would show it. */
    static String console(ConsoleSessions session, HttpResponse<String> answer) {
        String location = answer.headers().firstValue("Location").orElseThrow();
        return given().urlEncodingEnabled(false).cookies(session.cookies()).get(location.startsWith("/") ? BASE + location : location).asString();
    }

    /** Posts a roster to the console's upload form, as a browser does (a multipart body sent with its length). */
    static HttpResponse<String> upload(ConsoleSessions session, String name, byte[] content) throws Exception {
        String boundary = "----skillsync" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + ConsoleCsrf.FIELD + "\"\r\n\r\n"
                + session.token() + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"roster\"; filename=\""
                + name + "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(BASE + "/console/preview"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Cookie", session.cookies().entrySet().stream().map(c -> c.getKey() + "=" + c.getValue()).collect(Collectors.joining("; ")))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** A roster of at least {@code bytes} bytes: agents 1 to 5 given Retention at 5, again and again. */
    static byte[] roster(int bytes) {
        StringBuilder csv = new StringBuilder("email,skill,proficiency\n");
        for (int n = 0; csv.length() < bytes; n++) {
            csv.append(Tenants.email(1 + n % 5)).append(",Retention,5\n");
        }
        return csv.substring(0, Math.max(bytes, csv.indexOf("\n") + 1)).getBytes(StandardCharsets.UTF_8);
    }
}
