package io.skillsync.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;

/** A unit's key wins, the top level's answers for the rest, and a misspelt unit key stops the start. */
class UnitSettingsTest {

    static SmallRyeConfig top(Map<String, String> keys) {
        Map<String, String> all = new HashMap<>(Map.of("skillsync.work-dir", "data", "skillsync.units", "east,west",
                "skillsync.cxone.client-id", "top-client", "skillsync.guard.max-deactivations", "40"));
        all.putAll(keys);
        return new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(all, "test", 100))
                .withConverter(Duration.class, 200, new DurationConverter())
                .withMapping(SkillSyncConfig.class).withValidateUnknown(true).build();
    }

    @Test
    void aUnitsOwnKeyWinsAndTheTopLevelAnswersForTheRest() {
        SmallRyeConfig config = top(Map.of("skillsync.unit.east.cxone.client-id", "east-client",
                "skillsync.unit.east.guard.max-deactivations", "5", "skillsync.unit.east.intake.poll-delay", "3000"));
        SkillSyncConfig east = UnitSettings.of(config, "east");
        SkillSyncConfig west = UnitSettings.of(config, "west");
        assertEquals("east-client", east.cxone().clientId().orElseThrow());
        assertEquals("top-client", west.cxone().clientId().orElseThrow());
        assertEquals(5, east.guard().maxDeactivations());
        assertEquals(40, west.guard().maxDeactivations());
        assertEquals(3000, east.intake().pollDelay());
        assertTrue(east.unit().isEmpty(), "a unit sees no other unit's keys");
    }

    /** A unit's secret comes from the environment, as a Kubernetes Secret gives it: SKILLSYNC_UNIT_WEST_CXONE_CLIENT_SECRET. */
    @Test
    void aUnitsKeyFromTheEnvironmentIsTheUnitsOwn() {
        Map<String, String> all = new HashMap<>(Map.of("skillsync.work-dir", "data", "skillsync.units", "east,west",
                "skillsync.cxone.client-secret", "top-secret"));
        SmallRyeConfig config = new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(all, "test", 100))
                .withSources(new EnvConfigSource(Map.of("SKILLSYNC_UNIT_WEST_CXONE_CLIENT_SECRET", "west-secret",
                        "SKILLSYNC_UNIT_WEST_CXONE_REQUESTS_PER_MINUTE", "300"), 300))
                .withConverter(Duration.class, 200, new DurationConverter())
                .withMapping(SkillSyncConfig.class).withValidateUnknown(true).build();
        SkillSyncConfig west = UnitSettings.of(config, "west");
        assertEquals("west-secret", west.cxone().clientSecret().orElseThrow());
        assertEquals(300, west.cxone().requestsPerMinute());
        assertEquals("top-secret", UnitSettings.of(config, "east").cxone().clientSecret().orElseThrow());
    }

    @Test
    void eachUnitsFoldersSitUnderTheWorkDirUnlessItNamesItsOwn() {
        SmallRyeConfig config = top(Map.of("skillsync.unit.west.work-dir", "/srv/west"));
        assertEquals("data/east", UnitSettings.of(config, "east").workDir());
        assertEquals("/srv/west", UnitSettings.of(config, "west").workDir());
    }

    @Test
    void aMisspeltUnitKeyStopsTheStartAsAMisspeltKeyDoes() {
        SmallRyeConfig config = top(Map.of("skillsync.unit.east.cxone.clientid", "x"));
        RuntimeException refused = assertThrows(RuntimeException.class, () -> UnitSettings.of(config, "east"));
        assertTrue(String.valueOf(refused.getMessage()).contains("skillsync.cxone.clientid"), refused.getMessage());
    }
}
