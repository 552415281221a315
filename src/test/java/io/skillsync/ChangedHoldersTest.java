package io.skillsync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import io.skillsync.cxone.TenantDirectory;
import io.skillsync.simulator.TenantSimulator;
import io.skillsync.simulator.TenantSimulator.Dialect;
import io.skillsync.support.profiles.NightAfterNight;

/**
 * A skill read before is asked only its count and what changed since; these are the ways that could make a
 * needed write look unchanged, each on the tenant that shows it. Each test: a first night that writes three
 * Retention assignments (their read-back is compared with a whole read: the filter is proven or refused), an
 * admin's change or deletion in CXone, then the same file again, which must write it back.
 */
@QuarkusTest
@TestProfile(NightAfterNight.class)
class ChangedHoldersTest {

    static final long RETENTION = ReadsScaleTest.RETENTION;
    static final long FIRST = 500_001;

    @Inject
    TenantSimulator tenant;
    @Inject
    TenantDirectory directory;

    @Test
    void aChangeOnATenantWhoseClockRunsBehindIsSeenBecauseTheWatermarkIsTheTenantsOwn() {
        JsonNode second = adminChangesThenSecondNight(Set.of(Dialect.CLOCK_BEHIND), "behind");
        // stamped ten minutes before SkillSync's "now": a watermark taken from SkillSync's clock would miss it
        assertEquals(1, second.path("counts").path("applied").asInt(), second.toString());
        assertEquals(2, second.path("counts").path("unchanged").asInt(), second.toString());
        assertEquals(5, tenant.assignment(FIRST, RETENTION).proficiency());
        assertTrue(retentionReads().stream().anyMatch(q -> q.contains("updatedSince=")),
                "the second night asked what changed: " + retentionReads());
    }

    @Test
    void aDeletionMakesTheCountDisagreeAndTheSkillIsReadWhole() {
        tenant.seedRealistic();
        directory.forget();
        night("holders-deleted-first.csv");
        // a night with nothing to do: asked Retention's count and what changed, all as kept
        assertEquals(3, night("holders-deleted-unchanged.csv").path("counts").path("unchanged").asInt());
        tenant.deleteAssignment(FIRST, RETENTION);
        tenant.forgetRequests();
        JsonNode second = night("holders-deleted-second.csv");
        // a deletion is in no "changed since" answer: kept + changed is one more than CXone's count
        assertEquals(1, second.path("counts").path("applied").asInt(), second.toString());
        assertEquals(5, tenant.assignment(FIRST, RETENTION).proficiency(), "the deleted assignment is written back");
        assertTrue(retentionReads().stream().anyMatch(q -> q.matches(".*top=1(&.*)?")), "its count was read: " + retentionReads());
        assertTrue(retentionReads().stream().anyMatch(q -> !q.contains("pdatedSince") && !q.matches(".*top=1(&.*)?")),
                "then the skill whole: " + retentionReads());
    }

    @Test
    void aFilterThatFollowsTheAgentRatherThanTheAssignmentIsCaughtAndNeverTrusted() {
        JsonNode second = adminChangesThenSecondNight(Set.of(Dialect.HOLDERS_SINCE_BY_AGENT), "by-agent");
        // the admin's change is in no filtered answer (the agent did not change): only a whole read sees it
        assertEquals(1, second.path("counts").path("applied").asInt(), second.toString());
        assertEquals(5, tenant.assignment(FIRST, RETENTION).proficiency());
        assertFalse(retentionReads().stream().anyMatch(q -> q.matches(".*top=1(&.*)?")),
                "never asked a count and what changed once the filter left changes out: " + retentionReads());
    }

    @Test
    void aFilterThatIsIgnoredIsNeverTrusted() {
        JsonNode second = adminChangesThenSecondNight(Set.of(Dialect.HOLDERS_SINCE_IGNORED), "ignored");
        assertEquals(1, second.path("counts").path("applied").asInt(), second.toString());
        assertFalse(retentionReads().stream().anyMatch(q -> q.matches(".*top=1(&.*)?")), retentionReads().toString());
    }

    @Test
    void answersWithoutLastPollTimeKeepNothingAndEachNightReadsWhole() {
        JsonNode second = adminChangesThenSecondNight(Set.of(Dialect.NO_LAST_POLL_TIME), "no-poll-time");
        assertEquals(1, second.path("counts").path("applied").asInt(), second.toString());
        assertFalse(retentionReads().stream().anyMatch(q -> q.contains("pdatedSince") || q.matches(".*top=1(&.*)?")),
                "no watermark, so no 'changed since': " + retentionReads());
    }

    /**
     * A first night on a fresh realistic tenant in these dialects (its read-back proves or refuses the
     * filter), then an admin sets the first agent's Retention to 9, then the same file again.
     */
    JsonNode adminChangesThenSecondNight(Set<Dialect> dialects, String name) {
        tenant.seedRealistic();
        tenant.speak(dialects);
        directory.forget();
        assertNull(tenant.assignment(FIRST, RETENTION), "the preset's first agent holds no Retention");
        JsonNode first = night("holders-" + name + "-first.csv");
        assertEquals(3, first.path("counts").path("applied").asInt(), first.toString());
        assertEquals(3, first.path("verified").asInt(), first.toString());
        assertEquals(null, tenant.write("PUT", FIRST, RETENTION, 9, true), "the admin's change");
        tenant.forgetRequests();
        return night("holders-" + name + "-second.csv");
    }

    JsonNode night(String name) {
        Drop.roster(name, file(5));
        return Drop.awaitRun(name);
    }

    /** The first three agents of the preset get Retention at {@code level}. */
    static String file(int level) {
        StringBuilder csv = new StringBuilder("email,skill,proficiency\n");
        for (long id = FIRST; id < FIRST + 3; id++) {
            csv.append(ReadsScaleTest.email(id)).append(",Retention,").append(level).append('\n');
        }
        return csv.toString();
    }

    /** The query of each read of Retention's holders since the requests were last forgotten. */
    List<String> retentionReads() {
        return tenant.requests().stream().filter(r -> r.method().equals("GET") && r.path().equals("/skills/" + RETENTION + "/agents"))
                .map(r -> String.valueOf(r.query())).toList();
    }
}
