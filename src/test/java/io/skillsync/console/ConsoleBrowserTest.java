package io.skillsync.console;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.skillsync.Drop;
import io.skillsync.cxone.TenantDirectory;
import io.skillsync.simulator.TenantSimulator;
import io.skillsync.support.Tenants;

/**
 * The operators' console in a real browser (Debian's chromium and chromium-driver, driven by Selenium): a
 * new operator finds last night's failed rows and their reasons, reruns an error file, releases a held one,
 * previews and applies a roster and reverts a run, all from the page; a viewer has no operator buttons and
 * is refused if it posts anyway; a form without the CSRF token is refused. Screenshots go to
 * {@code target/console-screenshots/}.
 */
@QuarkusTest
class ConsoleBrowserTest {

    static final String BASE = "http://localhost:8081";
    static final Path SHOTS = Path.of("target/console-screenshots");
    static WebDriver browser;
    static WebDriverWait wait;

    @Inject
    TenantSimulator tenant;
    @Inject
    TenantDirectory directory;

    @BeforeAll
    static void openBrowser() throws Exception {
        boolean installed = new File("/usr/bin/chromium").canExecute() && new File("/usr/bin/chromedriver").canExecute();
        if (!installed && !"required".equals(System.getenv("SKILLSYNC_BROWSER_TESTS"))) {
            Assumptions.abort("Debian's chromium and chromium-driver are not installed (.ci/run installs them)");
        }
        Files.createDirectories(SHOTS);
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        // the flags that keep Chromium off this machine's closed network and working as root in a container
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                "--window-size=1400,1100", "--user-data-dir=" + Files.createTempDirectory("skillsync-chromium"));
        // the page's console messages, to see that the Content-Security-Policy blocked nothing of the console's own
        options.setCapability("goog:loggingPrefs", java.util.Map.of(LogType.BROWSER, "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void anOperatorFindsFailedRowsRerunsReleasesPreviewsAppliesAndReverts() throws Exception {
        Tenants.everyoneOnTier1(tenant, directory, 40);
        signIn("alice", "wonderland");

        // last night: two rows applied, one rejected (an e-mail CXone does not know); names unique to this run of
        // the test, as target/test-data outlives it
        String stamp = String.valueOf(System.currentTimeMillis());
        Drop.roster("night-" + stamp + ".csv", "email,skill,proficiency\n" + Tenants.email(1) + ",Retention,5\n" + Tenants.email(2)
                + ",Tier_1_Support,1\nnobody@example.com,Retention,5\n");
        JsonNode night = Drop.awaitRun("night-" + stamp + ".csv");
        String nightId = night.path("runId").asText();
        browser.get(BASE + "/console");
        WebElement row = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr[data-run='" + nightId + "']")));
        assertTrue(row.getText().contains("night-" + stamp + ".csv") && row.getText().contains("complete"), row.getText());
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#chart .uplot canvas")));
        shot("01-runs-and-chart");

        // its rejected row and the reason, on the run's page
        row.findElement(By.cssSelector("a[href*='outcome=rejected']")).click();
        WebElement rejected = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr.outcome-rejected")));
        assertTrue(rejected.getText().contains("no agent with this e-mail address in CXone"), rejected.getText());
        assertEquals(1, browser.findElements(By.cssSelector("tr.row")).size(), "only the rejected row is shown");
        assertTrue(browser.findElements(By.id("download-errors")).size() == 1, "the error file can be downloaded");
        shot("02-run-rejected-row");

        // HR fixes the e-mail in the error file; the operator reruns it from the page
        String errorFile = Drop.output(night, ".errors.csv").getFileName().toString();
        Path inError = Drop.WORK.resolve("error").resolve(errorFile);
        Files.writeString(inError, Files.readString(inError).replace("nobody@example.com", Tenants.email(3)));
        browser.get(BASE + "/console");
        confirm(browser.findElement(By.cssSelector("#error li[data-file='" + errorFile + "'] button.rerun")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "runs next"));
        JsonNode rerun = Drop.awaitRun(errorFile);
        assertEquals(1, rerun.path("counts").path("applied").asInt(), rerun.toString());

        // a held file, released from the page
        StringBuilder deactivate = new StringBuilder("email,skill,proficiency,active\n");
        for (int n = 11; n <= 20; n++) {
            deactivate.append(Tenants.email(n)).append(",Tier_1_Support,,false\n");
        }
        String qa = "qa-" + stamp + ".csv";
        Drop.roster(qa, deactivate.toString());
        JsonNode held = Drop.awaitRun(qa);
        assertEquals("held", held.path("result").asText(), held.toString());
        browser.get(BASE + "/console");
        WebElement heldItem = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#hold li[data-file='" + qa + "']")));
        assertTrue(heldItem.getText().contains("would deactivate 10 of its 40 active agents"), heldItem.getText());
        shot("03-held-file-with-reason");
        confirm(heldItem.findElement(By.cssSelector("button.release")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "Released under your name"));
        JsonNode released = Drop.awaitRun(qa, held.path("runId").asText());
        assertEquals("complete", released.path("result").asText(), released.toString());
        assertEquals("alice", released.path("releasedBy").path("by").asText());
        assertFalse(tenant.assignment(Tenants.agentId(11), Tenants.TIER_1).active());

        // preview an uploaded roster: the plan shows, nothing is written; then apply it
        Path upload = Files.createTempFile("promotions", ".csv");
        Files.writeString(upload, "email,skill,proficiency\n" + Tenants.email(4) + ",Tier_1_Support,2\n" + Tenants.email(5)
                + ",Tier_1_Support,2\n");
        long writesBefore = tenant.writes();
        browser.get(BASE + "/console");
        browser.findElement(By.id("roster")).sendKeys(upload.toAbsolutePath().toString());
        browser.findElement(By.id("preview-upload")).click();
        WebElement plan = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("plan-summary")));
        assertTrue(plan.getText().contains("2 row(s) would change"), plan.getText());
        assertTrue(browser.findElement(By.id("guard")).getText().contains("within every limit"));
        assertTrue(browser.findElement(By.cssSelector("tr.outcome-planned")).getText().contains("10, active"), "before -> after");
        assertEquals(writesBefore, tenant.writes(), "a preview writes nothing");
        shot("04-preview-plan");
        confirm(browser.findElement(By.id("apply")));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("applied")));
        String appliedAs = browser.findElement(By.id("applied")).getText().replaceFirst(".*inbox/", "").replaceFirst("\\.$", "");
        JsonNode applied = Drop.awaitRun(appliedAs);
        assertEquals(2, applied.path("counts").path("applied").asInt(), applied.toString());
        assertEquals(2, tenant.assignment(Tenants.agentId(4), Tenants.TIER_1).proficiency());

        // revert that run from its page: its undo roster is previewed, then applied
        browser.get(BASE + "/console/run?id=" + applied.path("runId").asText());
        confirm(wait.until(ExpectedConditions.elementToBeClickable(By.id("revert"))));
        plan = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("plan-summary")));
        assertTrue(plan.getText().contains("2 row(s) would change"), plan.getText());
        shot("05-revert-preview");
        confirm(browser.findElement(By.id("apply")));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("applied")));
        String revertAs = browser.findElement(By.id("applied")).getText().replaceFirst(".*inbox/", "").replaceFirst("\\.$", "");
        JsonNode reverted = Drop.awaitRun(revertAs);
        assertEquals(2, reverted.path("counts").path("applied").asInt(), reverted.toString());
        assertEquals(10, tenant.assignment(Tenants.agentId(4), Tenants.TIER_1).proficiency(), "put back as it was");

        // every change is in the audit under alice's name
        browser.get(BASE + "/console");
        String actions = browser.findElement(By.id("actions")).getText();
        for (String action : List.of("rerun", "release", "preview", "apply", "revert-preview", "revert-apply")) {
            assertTrue(actions.contains("alice " + action), action + " in: " + actions);
        }
        shot("06-console-after");
        // every page on the way ran its script and styles under the Content-Security-Policy, none was blocked
        List<String> blocked = browser.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage)
                .filter(m -> m.contains("Content Security Policy")).toList();
        assertEquals(List.of(), blocked);

        // signing out ends the session: the console asks to sign in again
        browser.findElement(By.id("sign-out")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
        browser.get(BASE + "/console");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
    }

    @Test
    void aViewerSeesButCannotChangeAndAFormWithoutItsTokenIsRefused() throws Exception {
        Tenants.everyoneOnTier1(tenant, directory, 5);
        String name = "viewer-night-" + System.currentTimeMillis() + ".csv";
        Drop.roster(name, "email,skill,proficiency\n" + Tenants.email(1) + ",Retention,50\n");
        JsonNode run = Drop.awaitRun(name);
        String errorFile = Drop.output(run, ".errors.csv").getFileName().toString();

        signIn("victor", "viewing");
        browser.get(BASE + "/console");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#error li[data-file='" + errorFile + "']")));
        assertEquals("victor", browser.findElement(By.id("user")).getText());
        assertTrue(browser.findElements(By.cssSelector("button.rerun, button.release, button.cancel-scheduled, #preview-upload")).isEmpty(),
                "a viewer has no operator buttons");
        shot("07-viewer");
        browser.get(BASE + "/console/run?id=" + run.path("runId").asText());
        assertTrue(browser.findElements(By.id("revert")).isEmpty());

        // a viewer who posts anyway, with a valid token, is refused; so is an operator's form without its token
        ConsoleSessions viewer = ConsoleSessions.signIn("victor", "viewing");
        given().cookies(viewer.cookies()).formParam("file", errorFile).formParam(ConsoleCsrf.FIELD, viewer.token())
                .post(BASE + "/console/rerun").then().statusCode(403);
        ConsoleSessions alice = ConsoleSessions.signIn("alice", "wonderland");
        given().cookies(alice.cookies()).formParam("file", errorFile).post(BASE + "/console/rerun").then().statusCode(403);
        given().cookies(alice.cookies()).formParam("file", errorFile).formParam(ConsoleCsrf.FIELD, "x".repeat(43))
                .post(BASE + "/console/rerun").then().statusCode(403);
        assertTrue(Files.exists(Drop.WORK.resolve("error").resolve(errorFile)), "nothing moved");
        // a refused action comes back to the console, saying why
        given().cookies(alice.cookies()).redirects().follow(false).formParam("file", "no-such.csv")
                .formParam(ConsoleCsrf.FIELD, alice.token()).post(BASE + "/console/rerun").then()
                .statusCode(303).header("Location", org.hamcrest.Matchers.endsWith("/console?message=no-such-file"));
        // the script API: Basic, and a change only as JSON (a page of another site cannot send that unasked)
        given().auth().preemptive().basic("victor", "viewing").contentType("application/json")
                .post(BASE + "/ops/error/" + errorFile + "/rerun").then().statusCode(403);
        given().auth().preemptive().basic("alice", "wonderland").post(BASE + "/ops/error/" + errorFile + "/rerun").then()
                .statusCode(415);
        given().auth().preemptive().basic("alice", "wonderland").contentType("text/plain").body("x")
                .post(BASE + "/ops/error/" + errorFile + "/rerun").then().statusCode(415);
        assertTrue(Files.exists(Drop.WORK.resolve("error").resolve(errorFile)), "nothing moved");
    }

    @Test
    void anOperatorCancelsAScheduledFileFromThePage() throws Exception {
        Tenants.everyoneOnTier1(tenant, directory, 5);
        String name = "later-" + System.currentTimeMillis();
        Path scheduled = Drop.WORK.resolve("scheduled");
        try {
            Drop.roster(name + ".csv", "email,skill,proficiency,effective\n" + Tenants.email(1) + ",Retention,5,2099-01-01T00:00:00Z\n");
            Drop.awaitRun(name + ".csv");
            signIn("alice", "wonderland");
            browser.get(BASE + "/console");
            WebElement waiting = wait.until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("#scheduled tr[data-file^='" + name + ".']")));
            assertTrue(waiting.getText().contains("2099-01-01T00:00:00Z") && waiting.getText().contains("rows effective later"),
                    waiting.getText());
            scrollTo(waiting);
            shot("08-scheduled");
            confirm(waiting.findElement(By.cssSelector("button.cancel-scheduled")));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "Cancelled under your name"));
            assertTrue(browser.findElements(By.cssSelector("#scheduled tr[data-file^='" + name + ".']")).isEmpty());
            assertTrue(browser.findElement(By.id("error")).getText().contains("was cancelled by alice"));
            scrollTo(browser.findElement(By.id("error")));
            shot("09-scheduled-cancelled");

            // HR's levels.csv, malformed: the page says the runs are stopped, naming file and line, in red
            Files.createDirectories(Drop.WORK.resolve("mappings"));
            Files.writeString(Drop.WORK.resolve("mappings/levels.csv"), "hr,proficiency\nexpert,20\nexpert,19\n");
            browser.get(BASE + "/console");
            WebElement stop = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("mappings-stop")));
            assertTrue(browser.findElement(By.cssSelector("#mappings .mapping-error")).getText()
                    .startsWith("mappings/levels.csv line 3:"));
            scrollTo(stop);
            shot("10-mappings-malformed");
        } finally {
            Files.deleteIfExists(Drop.WORK.resolve("mappings/levels.csv"));
            // scheduled/ is counted by other tests: nothing of this one may wait there until 2099
            try (var left = Files.isDirectory(scheduled) ? Files.list(scheduled) : java.util.stream.Stream.<Path>empty()) {
                for (Path file : left.filter(f -> f.getFileName().toString().startsWith(name + ".")).toList()) {
                    Files.delete(file);
                }
            }
        }
    }

    /** Signs in through the login form, in a fresh browser session. */
    static void signIn(String user, String password) {
        browser.manage().deleteAllCookies();
        browser.get(BASE + "/console");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username"))).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("sign-in")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("user")));
    }

    /** Brings an element into the window, for the screenshot to show it. */
    static void scrollTo(WebElement element) {
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()", element);
    }

    /** Presses a button that asks for confirmation, and confirms. */
    static void confirm(WebElement button) {
        button.click();
        wait.until(ExpectedConditions.alertIsPresent()).accept();
    }

    static void shot(String name) throws Exception {
        Files.write(SHOTS.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
}
