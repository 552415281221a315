package io.skillsync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.skillsync.cxone.TenantDirectory;
import io.skillsync.simulator.TenantSimulator;
import io.skillsync.simulator.TenantSimulator.Dialect;
import io.skillsync.support.Tenants;

/**
 * The core story against every dialect SkillSync tolerates with its default settings (cxone-api.md's
 * likely and unknown points): each passes the same story, and the figures show what each costs.
 */
@QuarkusTest
class DialectStoryTest {

    @Inject
    TenantSimulator tenant;
    @Inject
    TenantDirectory directory;

    /**
     * Dialects that need no setting (REQUIRED_QUERY among them: NICE's schema requires isActive and isAgentActive on
     * GET /agents/skills, and the defaults send them); INACTIVE_HIDDEN needs one (DialectSettingsStoryTest).
     */
    static Stream<Set<Dialect>> tolerated() {
        return Stream.of(Set.of(), Set.of(Dialect.PER_AGENT_WITHOUT_AGENT_ID), Set.of(Dialect.LISTS_UNDER_RESULT_SET),
                Set.of(Dialect.PARTIAL_CONTENT_PAGES), Set.of(Dialect.NO_TOTAL_RECORDS), Set.of(Dialect.LENIENT_VERBS),
                Set.of(Dialect.OTHER_ERROR_TEXTS), Set.of(Dialect.RESULTS_WITHOUT_AGENT_ID), Set.of(Dialect.WHOLE_BATCH_400),
                Set.of(Dialect.BOOLEANS_AS_STRINGS), Set.of(Dialect.REQUIRED_QUERY), Set.of(Dialect.PAGE_CAP),
                EnumSet.of(Dialect.REQUIRED_QUERY, Dialect.PER_AGENT_WITHOUT_AGENT_ID, Dialect.LISTS_UNDER_RESULT_SET, Dialect.PARTIAL_CONTENT_PAGES,
                        Dialect.NO_TOTAL_RECORDS, Dialect.OTHER_ERROR_TEXTS, Dialect.RESULTS_WITHOUT_AGENT_ID,
                        Dialect.BOOLEANS_AS_STRINGS));
    }

    @ParameterizedTest
    @MethodSource("tolerated")
    void theStoryPassesInEveryToleratedDialect(Set<Dialect> dialects) {
        DialectStory.run(tenant, directory, dialects, "defaults");
    }

    @Test
    void aTenantThatIgnoresSkipStopsTheRunWithAClearErrorInsteadOfMissingAgents() {
        Tenants.everyoneOnTier1(tenant, directory, 500);
        tenant.speak(Set.of(Dialect.SKIP_IGNORED));

        Drop.roster("skip-ignored.csv", DialectStory.roster());
        JsonNode stopped = Drop.awaitRun("skip-ignored.csv");

        assertEquals("stopped", stopped.path("result").asText(), stopped.toString());
        String reason = stopped.path("stoppedBecause").asText();
        assertTrue(reason.contains("CXone ignored skip on GET /agents"), reason);
        assertEquals(0, stopped.path("counts").path("rejected").asInt(), "no agent past page one reads as 'not in CXone'");
        assertEquals(0, tenant.writes());
        assertTrue(Files.exists(Drop.WORK.resolve("inbox/skip-ignored.csv")), "the file waits in the inbox");

        tenant.speak(Set.of());
        JsonNode rerun = Drop.awaitRun("skip-ignored.csv", stopped.path("runId").asText());
        assertEquals(153, rerun.path("counts").path("applied").asInt(), rerun.toString());
        Drop.awaitGone("skip-ignored.csv");
    }

    @AfterAll
    static void figures() {
        DialectStory.print();
    }
}
