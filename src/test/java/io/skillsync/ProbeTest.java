package io.skillsync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.skillsync.cxone.TenantDirectory;
import io.skillsync.probe.ConformanceProbe;
import io.skillsync.probe.ProbeCheck;
import io.skillsync.simulator.TenantSimulator;
import io.skillsync.simulator.TenantSimulator.Dialect;
import io.skillsync.support.Tenants;

/**
 * The conformance probe against the simulated tenant: "matches" on every line against the default tenant,
 * and exactly each dialect's differences against that dialect; the tenant's assignment is put back.
 */
@QuarkusTest
class ProbeTest {

    static final ConformanceProbe.Options WRITES = new ConformanceProbe.Options(Tenants.email(1), "Tier_1_Support", "Billing");
    static final List<String> SEEN = new ArrayList<>();

    @Inject
    ConformanceProbe probe;
    @Inject
    TenantSimulator tenant;
    @Inject
    TenantDirectory directory;

    /** Ten agents on Tier_1_Support at 10, and one inactive assignment for the probe to look for. */
    void seed(Set<Dialect> dialects) {
        Tenants.everyoneOnTier1(tenant, directory, 10);
        tenant.write("POST", Tenants.agentId(2), Tenants.RETENTION, 4, false);
        tenant.forgetRequests();
        tenant.speak(dialects);
    }

    @Test
    void everyLineMatchesTheDefaultTenantAndTheAssignmentIsPutBack() throws Exception {
        seed(Set.of());
        ConformanceProbe.Report report = probe.run(WRITES);
        System.out.println("probe against the default simulated tenant:\n" + report.table());

        List<ProbeCheck> unknown = report.checks().stream().filter(c -> c.verdict() != ProbeCheck.Verdict.MATCHES).toList();
        assertEquals(List.of(), unknown, "every line matches");
        assertEquals(27, report.checks().size(), report.table());
        assertTrue(report.requests() <= 60, "at most 60 requests: " + report.requests());
        assertEquals(report.requests(), tenant.requests().size() + 1, "each request counted (discovery is not the API's)");
        assertEquals(0, tenant.tooManyRequests(), "paced under the limit");
        assertEquals(new TenantSimulator.Assignment(Tenants.agentId(1), Tenants.TIER_1, 10, true),
                tenant.assignment(Tenants.agentId(1), Tenants.TIER_1), "put back as it was");
        assertTrue(Files.readString(report.json()).contains("\"verdict\" : \"matches\""));
        try (Stream<java.nio.file.Path> fixtures = Files.list(report.fixtures())) {
            List<java.nio.file.Path> files = fixtures.toList();
            assertEquals(report.requests(), files.size(), "one fixture per answer");
            for (java.nio.file.Path fixture : files) {
                String text = Files.readString(fixture);
                assertFalse(text.contains("@example.com"), fixture + " holds an e-mail address");
                assertFalse(text.contains("dev-access-key-secret") || text.contains("dev-client-secret"), fixture + " holds a secret");
                assertFalse(text.matches("(?s).*\"access_token\" : \"[0-9a-f-]{36}\".*"), fixture + " holds a token");
            }
        }
    }

    /** Each dialect, and the lines the probe must name for it (empty: nothing a two-item probe can see). */
    static Stream<Map.Entry<Dialect, Set<String>>> dialects() {
        return Stream.of(Map.entry(Dialect.PER_AGENT_WITHOUT_AGENT_ID, Set.of("per-agent items name agentId")),
                Map.entry(Dialect.LISTS_UNDER_RESULT_SET, Set.of("list location")),
                Map.entry(Dialect.PARTIAL_CONTENT_PAGES, Set.of("list page status")),
                Map.entry(Dialect.NO_TOTAL_RECORDS, Set.of("totalRecords")),
                Map.entry(Dialect.SKIP_IGNORED, Set.of("skip honoured", "skills paging")),
                Map.entry(Dialect.REQUIRED_QUERY, Set.of("assignment read parameters")),
                Map.entry(Dialect.INACTIVE_HIDDEN, Set.of("inactive assignments returned", "per-skill read of an inactive assignment")),
                Map.entry(Dialect.LENIENT_VERBS, Set.of("POST on an existing assignment", "PUT on a missing assignment")),
                Map.entry(Dialect.RESULTS_WITHOUT_AGENT_ID, Set.of("write results name agentId")),
                Map.entry(Dialect.BOOLEANS_AS_STRINGS, Set.of("booleans")),
                Map.entry(Dialect.OTHER_ERROR_TEXTS, Set.of()),
                Map.entry(Dialect.WHOLE_BATCH_400, Set.of()),
                Map.entry(Dialect.RUNBOOK_BULK_PUT, Set.of()),
                Map.entry(Dialect.CLOCK_BEHIND, Set.of("lastPollTime")),
                Map.entry(Dialect.NO_LAST_POLL_TIME, Set.of("lastPollTime", "changed holders show a write")),
                Map.entry(Dialect.HOLDERS_SINCE_IGNORED, Set.of("changed holders filter")),
                Map.entry(Dialect.HOLDERS_SINCE_BY_AGENT, Set.of("changed holders show a write")),
                Map.entry(Dialect.PAGE_CAP, Set.of("totalRecords")),
                Map.entry(Dialect.BULK_SKILL_IDS, Set.of("bulk endpoint")),
                Map.entry(Dialect.UPDATED_SINCE_IGNORED, Set.of("changed agents filter")),
                Map.entry(Dialect.UPDATED_SINCE_REFUSED, Set.of("changed agents filter")),
                Map.entry(Dialect.UPDATE_SINCE_SPELLING, Set.of("changed agents filter")),
                Map.entry(Dialect.NO_SKILL_AGENTS, Set.of("per-skill reads")));
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void theProbeNamesExactlyEachDialectsDifferences(Map.Entry<Dialect, Set<String>> dialect) throws Exception {
        seed(Set.of(dialect.getKey()));
        ConformanceProbe.Report report = probe.run(WRITES);

        Set<String> differing = report.checks().stream().filter(ProbeCheck::differs).map(ProbeCheck::check)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(dialect.getValue()), differing, dialect.getKey().label() + ":\n" + report.table());
        assertTrue(report.checks().stream().noneMatch(c -> c.verdict() == ProbeCheck.Verdict.UNKNOWN), report.table());
        assertEquals(10, tenant.assignment(Tenants.agentId(1), Tenants.TIER_1).proficiency(), "put back");
        if (dialect.getKey() == Dialect.OTHER_ERROR_TEXTS) {
            assertTrue(report.check("POST on an existing assignment").orElseThrow().observed().contains("code 1042"),
                    "the text CXone used is recorded: " + report.table());
        }
        SEEN.add(String.format("| %s | %s | %d |", dialect.getKey().label(), differing.isEmpty() ? "(none)"
                : report.checks().stream().filter(ProbeCheck::differs)
                        .map(c -> c.check() + ": " + c.verdict().label() + (c.setting().isEmpty() ? "" : " -> " + c.setting()))
                        .collect(Collectors.joining("; ")), report.requests()));
    }

    @Test
    void readOnlyByDefault() throws Exception {
        seed(Set.of());
        ConformanceProbe.Report report = probe.run(new ConformanceProbe.Options(null, null, null));
        assertEquals(0, tenant.writes(), "no write without --agent and --skill");
        assertEquals(ProbeCheck.Verdict.UNKNOWN, report.check("writes").orElseThrow().verdict());
        assertFalse(report.settingsNeeded(), report.table());
    }

    @AfterAll
    static void figures() {
        System.out.println("probe against each dialect:\n| dialect | lines that differ | requests |\n|---|---|---|");
        SEEN.forEach(System.out::println);
    }
}
