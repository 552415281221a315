package io.skillsync.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 23, N1: an approval is honoured only as the service wrote it, for an operator of the realm, within
 * its validity, once, and for the limits the operator was shown. Before, any {@code approvals/<sha>.json}
 * on the volume let its content through (the review's record by "nobody-real").
 */
class ReleaseBookTest {

    static final String LIMIT = "skill Tier_1_Support (112233): the file would deactivate 50 of its 200 active agents (25%); the limit is 10%";
    static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

    @TempDir
    Path work;
    Path approvals;
    Path held;
    String sha;
    final ObjectMapper json = new ObjectMapper();
    final RecordSeal seal = new RecordSeal(Optional.of("a-test-key-of-at-least-thirty-two-characters"));

    @BeforeEach
    void held() throws IOException {
        approvals = work.resolve("approvals");
        held = Files.writeString(work.resolve("mass.csv"), "email,skill,proficiency,active\na@example.com,Tier_1_Support,,false\n");
        sha = ReleaseBook.sha256(held);
    }

    ReleaseBook book(Instant at) {
        return book(at, false);
    }

    ReleaseBook book(Instant at, boolean secondOperator) {
        return new ReleaseBook(approvals, Duration.ofHours(24), secondOperator, json, seal, Set.of("alice", "olga")::contains,
                Clock.fixed(at, ZoneOffset.UTC));
    }

    @Test
    void aReleaseTheServiceWroteLetsItsContentPassOnce() throws IOException {
        book(NOW).approve(held, "alice", LIMIT).orElseThrow();
        Optional<ReleaseBook.Release> taken = book(NOW.plusSeconds(60)).take(sha, "run-1", List.of(LIMIT));
        assertEquals("alice", taken.orElseThrow().by());
        assertTrue(Files.exists(approvals.resolve(sha + ".run-1.used.json")));
        assertEquals(Optional.empty(), book(NOW.plusSeconds(90)).take(sha, "run-2", List.of(LIMIT)), "once");
    }

    @Test
    void aRecordWrittenByHandIsRefused() throws IOException {
        Files.createDirectories(approvals);
        // the review's repro: a record with no seal, by a user nobody knows
        Files.writeString(approvals.resolve(sha + ".json"),
                "{\"sha256\":\"" + sha + "\",\"file\":\"x\",\"by\":\"nobody-real\",\"at\":\"2000-01-01T00:00:00Z\"}");
        assertEquals(Optional.empty(), book(NOW).take(sha, "run-1", List.of(LIMIT)));
        assertTrue(Files.exists(approvals.resolve(sha + ".run-1.refused.json")), "set aside, not left to try again");
        assertFalse(Files.exists(approvals.resolve(sha + ".json")));
    }

    @Test
    void anEditedRecordIsRefused() throws IOException {
        book(NOW).approve(held, "alice", LIMIT).orElseThrow();
        ObjectNode record = (ObjectNode) json.readTree(approvals.resolve(sha + ".json").toFile());
        record.put("shown", LIMIT + "\nskill Retention (1): the file would deactivate 90 of its 100 active agents (90%)");
        json.writeValue(approvals.resolve(sha + ".json").toFile(), record);
        assertEquals(Optional.empty(), book(NOW).take(sha, "run-1", List.of(LIMIT)));
        assertTrue(Files.exists(approvals.resolve(sha + ".run-1.refused.json")));
    }

    @Test
    void aRecordOfAnotherContentIsRefused() throws IOException {
        book(NOW).approve(held, "alice", LIMIT).orElseThrow();
        String other = "0".repeat(64);
        Files.move(approvals.resolve(sha + ".json"), approvals.resolve(other + ".json"));
        assertEquals(Optional.empty(), book(NOW).take(other, "run-1", List.of(LIMIT)));
    }

    @Test
    void anApproverNoLongerAnOperatorReleasesNothing() throws IOException {
        book(NOW).approve(held, "mallory", LIMIT).orElseThrow();
        assertEquals(Optional.empty(), book(NOW).take(sha, "run-1", List.of(LIMIT)));
        assertTrue(Files.exists(approvals.resolve(sha + ".run-1.refused.json")));
    }

    @Test
    void aReleaseExpires() throws IOException {
        book(NOW).approve(held, "alice", LIMIT).orElseThrow();
        assertEquals(Optional.empty(), book(NOW.plus(Duration.ofHours(25))).take(sha, "run-1", List.of(LIMIT)));
        assertTrue(Files.exists(approvals.resolve(sha + ".run-1.expired.json")));
    }

    @Test
    void aUsedRecordCopiedBackIsRefused() throws IOException {
        book(NOW).approve(held, "alice", LIMIT).orElseThrow();
        book(NOW).take(sha, "run-1", List.of(LIMIT)).orElseThrow();
        Files.copy(approvals.resolve(sha + ".run-1.used.json"), approvals.resolve(sha + ".json"));
        assertEquals(Optional.empty(), book(NOW).take(sha, "run-2", List.of(LIMIT)));
        assertTrue(Files.exists(approvals.resolve(sha + ".run-2.refused.json")));
    }

    @Test
    void aReleaseLiftsOnlyTheLimitsItWasShown() throws IOException {
        book(NOW).approve(held, "alice", LIMIT).orElseThrow();
        String further = "skill Tier_1_Support (112233): the file would deactivate 50 of its 200 active agents, after 30"
                + " deactivated by earlier runs (40%); the limit is 10%";
        assertEquals(Optional.empty(), book(NOW).take(sha, "run-1", List.of(further)), "it goes further than was shown");
        assertTrue(Files.exists(approvals.resolve(sha + ".json")), "kept: the file as shown may still come");
        assertEquals("alice", book(NOW).take(sha, "run-2", List.of(LIMIT)).orElseThrow().by());
    }

    /** Issue 23, N15: one operator alone cannot release a held file when the two-person rule is on. */
    @Test
    void underTheTwoPersonRuleASecondOperatorReleases() throws IOException {
        assertEquals(Optional.empty(), book(NOW, true).approve(held, "alice", LIMIT), "alice asks");
        assertFalse(Files.exists(approvals.resolve(sha + ".json")), "nothing is released yet");
        assertEquals(Optional.empty(), book(NOW, true).approve(held, "alice", LIMIT), "alice again: still one person");
        assertEquals(Optional.empty(), book(NOW, true).take(sha, "run-1", List.of(LIMIT)));

        ReleaseBook.Release release = book(NOW.plusSeconds(60), true).approve(held, "olga", LIMIT).orElseThrow();
        assertEquals("olga", release.by());
        assertEquals("alice", release.requestedBy());
        assertEquals("olga", book(NOW.plusSeconds(90), true).take(sha, "run-2", List.of(LIMIT)).orElseThrow().by());

        // a release written while the rule was off, by one operator, does not pass once it is on
        book(NOW).approve(held, "alice", LIMIT).orElseThrow();
        assertEquals(Optional.empty(), book(NOW, true).take(sha, "run-3", List.of(LIMIT)));
        assertTrue(Files.exists(approvals.resolve(sha + ".run-3.refused.json")));
    }
}
