package io.skillsync;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.skillsync.cxone.TenantDirectory;
import io.skillsync.simulator.TenantSimulator;
import io.skillsync.simulator.TenantSimulator.Dialect;
import io.skillsync.support.profiles.InactiveByFlag;

/**
 * The dialects that need a setting, with the settings the conformance probe names for them: assignment
 * reads made per isActive value ({@code reads.inactive-assignments=by-flag}) with isAgentActive given
 * ({@code reads.assignments-query}). The default tenant passes with them too.
 */
@QuarkusTest
@TestProfile(InactiveByFlag.class)
class DialectSettingsStoryTest {

    static final String SETTINGS = "inactive-assignments=by-flag, assignments-query=isAgentActive=true";

    @Inject
    TenantSimulator tenant;
    @Inject
    TenantDirectory directory;

    static Stream<Set<Dialect>> needingSettings() {
        return Stream.of(Set.of(), Set.of(Dialect.REQUIRED_QUERY), Set.of(Dialect.INACTIVE_HIDDEN),
                EnumSet.of(Dialect.REQUIRED_QUERY, Dialect.INACTIVE_HIDDEN, Dialect.PER_AGENT_WITHOUT_AGENT_ID,
                        Dialect.NO_TOTAL_RECORDS));
    }

    @ParameterizedTest
    @MethodSource("needingSettings")
    void theStoryPassesWithTheSettingsTheProbeNames(Set<Dialect> dialects) {
        DialectStory.run(tenant, directory, dialects, SETTINGS);
    }

    @AfterAll
    static void figures() {
        DialectStory.print();
    }
}
