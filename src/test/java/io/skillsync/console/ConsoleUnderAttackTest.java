package io.skillsync.console;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import io.skillsync.support.CapturedLog;

/**
 * Issue 23, the console under attack, black-box against the running service (security-2026-12-02.md): the
 * answers forbid framing, sniffing, caching and other sites' scripts (N8); failed sign-ins lock the user and
 * the address, sign-out ends the session on the server (N7); a CSRF token must be the session's own (N10);
 * the console shows only its own messages (N11); an /ops change is JSON and nothing else (N14). Client
 * addresses come from X-Forwarded-For, as the test profile trusts the loopback as a proxy: each test fails
 * from addresses of its own (documentation ranges), so no lock reaches another test.
 */
@QuarkusTest
class ConsoleUnderAttackTest {

    static final String FORWARDED_FOR = "X-Forwarded-For";
    /** The test profile's skillsync.console.sign-in.max-failures and .lockout. */
    static final int MAX_FAILURES = 3;
    static final Duration LOCKOUT = Duration.ofSeconds(5);
    /** A user of the test profile that only this class signs in as, since it gets locked. */
    static final String OLGA = "olga";
    static final String OLGA_PASSWORD = "orchard";

    @Test
    void consoleOpsAndLoginAnswersForbidFramingSniffingCachingAndForeignScripts() {
        ConsoleSessions alice = ConsoleSessions.signIn("alice", "wonderland");
        Map<String, Response> answers = new HashMap<>();
        answers.put("login page", given().redirects().follow(false).get("/console/login"));
        answers.put("console, signed out", given().redirects().follow(false).get("/console"));
        answers.put("console", given().redirects().follow(false).cookies(alice.cookies()).get("/console"));
        answers.put("live panel", given().redirects().follow(false).cookies(alice.cookies()).get("/console/live"));
        answers.put("failed sign-in", given().redirects().follow(false).header(FORWARDED_FOR, "192.0.2.80")
                .formParam("j_username", "nobody").formParam("j_password", "x").post("/j_security_check"));
        answers.put("ops", given().auth().preemptive().basic("alice", "wonderland").get("/ops/files"));
        answers.put("ops, no credentials", given().get("/ops/files"));
        answers.forEach((what, answer) -> {
            String policy = answer.getHeader("Content-Security-Policy");
            assertTrue(policy != null, what + ": no Content-Security-Policy");
            for (String directive : List.of("default-src 'self'", "frame-ancestors 'none'", "object-src 'none'",
                    "base-uri 'self'", "form-action 'self'")) {
                assertTrue(policy.contains(directive), what + ": " + directive + " missing in " + policy);
            }
            assertFalse(policy.contains("unsafe-inline") || policy.contains("unsafe-eval"), what + ": " + policy);
            assertEquals("DENY", answer.getHeader("X-Frame-Options"), what);
            assertEquals("nosniff", answer.getHeader("X-Content-Type-Options"), what);
            assertEquals("no-store", answer.getHeader("Cache-Control"), what);
            assertEquals("no-referrer", answer.getHeader("Referrer-Policy"), what);
        });
        // the pages hold no inline script or style the policy would block (the chart's data is JSON, not a script)
        for (String page : List.of(answers.get("console").asString(), answers.get("login page").asString())) {
            assertFalse(page.matches("(?s).*<script(?![^>]*\\bsrc=)(?![^>]*type=\"application/json\")[^>]*>.*"), "inline script");
            assertFalse(page.matches("(?s).*(<style|\\sstyle=|\\son[a-z]+=).*"), "inline style or handler");
        }
    }

    @Test
    void failedSignInsLockTheUserEvenWithTheRightPasswordUntilTheWindowPasses() {
        try (CapturedLog log = CapturedLog.of("io.skillsync")) {
            // failures on /ops and through the form count alike
            for (int n = 1; n < MAX_FAILURES; n++) {
                given().auth().preemptive().basic(OLGA, "guess-" + n).header(FORWARDED_FOR, "192.0.2." + n).get("/ops/files")
                        .then().statusCode(401);
            }
            given().redirects().follow(false).header(FORWARDED_FOR, "192.0.2." + MAX_FAILURES).formParam("j_username", OLGA)
                    .formParam("j_password", "guess-" + MAX_FAILURES).post("/j_security_check").then().statusCode(302);
            // the right password, from an address that never failed: refused on /ops and through the form
            given().auth().preemptive().basic(OLGA, OLGA_PASSWORD).header(FORWARDED_FOR, "192.0.2.10").get("/ops/files")
                    .then().statusCode(anyOf(is(401), is(429)));
            Response form = given().redirects().follow(false).header(FORWARDED_FOR, "192.0.2.11")
                    .formParam("j_username", OLGA).formParam("j_password", OLGA_PASSWORD).post("/j_security_check");
            assertNull(form.getCookie("quarkus-credential"), "no session for a locked user");
            assertTrue(form.getHeader("Location").contains("/console/login?error"), form.getHeader("Location"));

            // each failure at WARN with the user and the address; never a password
            for (int n = 1; n <= MAX_FAILURES; n++) {
                String address = "192.0.2." + n;
                assertTrue(log.warnings().stream().anyMatch(w -> w.contains(OLGA) && w.contains(address)),
                        "no warning naming olga and " + address + " in " + log.warnings());
            }
            assertTrue(log.lines().stream().noneMatch(l -> l.contains("guess-") || l.contains(OLGA_PASSWORD)), "a password in the log");
        }
        // once the window has passed, the right password works again
        await().atMost(LOCKOUT.plusSeconds(15)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> given().auth()
                .preemptive().basic(OLGA, OLGA_PASSWORD).header(FORWARDED_FOR, "192.0.2.12").get("/ops/files").then().statusCode(200));
    }

    @Test
    void failedSignInsFromOneAddressLockThatAddressForEveryUser() {
        String address = "198.51.100.23";
        for (int n = 1; n <= MAX_FAILURES; n++) {
            given().auth().preemptive().basic("nobody-" + n, "x").header(FORWARDED_FOR, address).get("/ops/files").then().statusCode(401);
        }
        given().auth().preemptive().basic("alice", "wonderland").header(FORWARDED_FOR, address).get("/ops/files").then()
                .statusCode(anyOf(is(401), is(429)));
        // alice herself is not locked: from elsewhere she is served
        given().auth().preemptive().basic("alice", "wonderland").header(FORWARDED_FOR, "198.51.100.24").get("/ops/files").then()
                .statusCode(200);
    }

    @Test
    void signingOutEndsTheSessionOnTheServer() {
        ConsoleSessions alice = ConsoleSessions.signIn("alice", "wonderland");
        given().redirects().follow(false).cookies(alice.cookies()).formParam(ConsoleCsrf.FIELD, alice.token())
                .post("/console/sign-out").then().statusCode(303);
        // the session cookie, replayed after the sign-out (a copy an attacker kept): the login page, not the console
        Response replayed = given().redirects().follow(false).cookie("quarkus-credential", alice.credential()).get("/console");
        assertEquals(302, replayed.statusCode(), "the old session still opens the console");
        assertTrue(replayed.getHeader("Location").contains("/console/login"), replayed.getHeader("Location"));
        // signing in again opens a new session
        ConsoleSessions.signIn("alice", "wonderland");
    }

    @Test
    void aCsrfTokenTheAttackerChoseOrAnotherUsersTokenIsRefused() {
        ConsoleSessions alice = ConsoleSessions.signIn("alice", "wonderland");
        ConsoleSessions victor = ConsoleSessions.signIn("victor", "viewing");
        // N10's repro: a token of the attacker's choosing planted in the cookie and put in the field, with alice's session
        String chosen = "B".repeat(43);
        Map<String, String> planted = new HashMap<>(alice.cookies());
        planted.put(ConsoleCsrf.COOKIE, chosen);
        given().redirects().follow(false).cookies(planted).formParam("file", "no-such.csv").formParam(ConsoleCsrf.FIELD, chosen)
                .post("/console/rerun").then().statusCode(403);
        // victor's own cookie and token, sent with alice's session
        Map<String, String> borrowed = new HashMap<>(alice.cookies());
        borrowed.put(ConsoleCsrf.COOKIE, victor.cookies().get(ConsoleCsrf.COOKIE));
        given().redirects().follow(false).cookies(borrowed).formParam("file", "no-such.csv").formParam(ConsoleCsrf.FIELD, victor.token())
                .post("/console/rerun").then().statusCode(403);
        // alice's page's own token passes (the rerun itself is then refused: there is no such file)
        given().redirects().follow(false).cookies(alice.cookies()).formParam("file", "no-such.csv")
                .formParam(ConsoleCsrf.FIELD, alice.token()).post("/console/rerun").then().statusCode(303);
    }

    @Test
    void theConsoleShowsOnlyMessagesOfItsOwn() {
        ConsoleSessions alice = ConsoleSessions.signIn("alice", "wonderland");
        String spoofed = given().cookies(alice.cookies())
                .queryParam("message", "Session expired: re-enter your password at https://evil.example").get("/console").asString();
        assertFalse(spoofed.contains("evil.example"), "free text from the link is shown");
        assertFalse(spoofed.contains("id=\"message\""), "an unknown message shows nothing");

        // a refused action comes back with a message of the console's own, not with text from the request
        Response refused = given().redirects().follow(false).cookies(alice.cookies()).formParam("file", "planted<b>.csv")
                .formParam(ConsoleCsrf.FIELD, alice.token()).post("/console/rerun");
        assertEquals(303, refused.statusCode());
        String location = refused.getHeader("Location");
        assertFalse(location.contains("planted"), location);
        String shown = given().cookies(alice.cookies()).get(location).asString();
        assertTrue(shown.contains("id=\"message\""), "the console says why: " + location);
    }

    @Test
    void opsChangesAreTakenAsJsonAndNothingElse() {
        RestAssuredConfig asIs = RestAssuredConfig.config()
                .encoderConfig(EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false));
        for (String type : List.of("*/*", "application/*", "application/json; profile=x")) {
            given().config(asIs).auth().preemptive().basic("alice", "wonderland").contentType(type)
                    .post("/ops/error/no-such.csv/rerun").then().statusCode(415);
        }
        // JSON, with or without its charset: past the check (and then: no such file)
        for (String type : List.of("application/json", "application/json; charset=UTF-8", "Application/JSON")) {
            given().config(asIs).auth().preemptive().basic("alice", "wonderland").contentType(type)
                    .post("/ops/error/no-such.csv/rerun").then().statusCode(404);
        }
    }
}
