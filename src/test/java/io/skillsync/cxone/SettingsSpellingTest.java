package io.skillsync.cxone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;

import io.skillsync.config.CxoneSettings;
import io.skillsync.config.SkillSyncConfig;

/**
 * Plain JUnit: the settings that name a mode are read as the README and docs/deploying.md spell them, a default
 * stands where nothing is set, and a misspelt value is refused when the settings are read (the start stops), never
 * taken for another mode.
 */
class SettingsSpellingTest {

    @Test
    void theModesAreReadAsTheDocsSpellThem() {
        CxoneSettings cxone = read(Map.of()).cxone();
        assertEquals(CxoneSettings.Grant.PASSWORD, cxone.grant());
        assertEquals(CxoneSettings.ClientAuth.BASIC, cxone.clientAuth());
        assertEquals(CxoneSettings.Reads.InactiveAssignments.RETURNED, cxone.reads().inactiveAssignments());

        cxone = read(Map.of("skillsync.cxone.grant", "client_credentials", "skillsync.cxone.client-auth", "post",
                "skillsync.cxone.reads.inactive-assignments", "by-flag")).cxone();
        assertEquals(CxoneSettings.Grant.CLIENT_CREDENTIALS, cxone.grant());
        assertEquals("client_credentials", cxone.grant().label(), "the token request's grant_type");
        assertEquals(CxoneSettings.ClientAuth.POST, cxone.clientAuth());
        assertEquals("post", cxone.clientAuth().label());
        assertEquals(CxoneSettings.Reads.InactiveAssignments.BY_FLAG, cxone.reads().inactiveAssignments());
        assertEquals("by-flag", cxone.reads().inactiveAssignments().label());
    }

    @Test
    void aMisspeltModeIsRefused() {
        for (Map.Entry<String, String> misspelt : Map.of("skillsync.cxone.grant", "pasword", "skillsync.cxone.client-auth",
                "form", "skillsync.cxone.reads.inactive-assignments", "byflags").entrySet()) {
            RuntimeException refused = assertThrows(RuntimeException.class, () -> read(Map.of(misspelt.getKey(), misspelt.getValue())),
                    misspelt.toString());
            assertTrue(String.valueOf(refused.getMessage()).contains(misspelt.getValue()), refused.getMessage());
        }
    }

    private static SkillSyncConfig read(Map<String, String> settings) {
        SmallRyeConfig config = new SmallRyeConfigBuilder().withMapping(SkillSyncConfig.class)
                .withConverter(Duration.class, 100, new DurationConverter())
                .withSources(new PropertiesConfigSource(settings, "test", 500)).build();
        return config.getConfigMapping(SkillSyncConfig.class);
    }
}
