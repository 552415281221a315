package io.skillsync.cxone;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.skillsync.cxone.TenantDirectory.Skills;

/** Plain JUnit: what a first contact with NICE's published schema needs of the reads and the skill names. */
class FirstContactTest {

    @Test
    void aTenantWideReadNamesBothRequiredFlagsInEveryCombination() {
        assertEquals(List.of("isAgentActive=true&isActive=true", "isAgentActive=false&isActive=true",
                "isAgentActive=true&isActive=false", "isAgentActive=false&isActive=false"),
                AssignmentQueries.withRequiredFlags(java.util.Collections.singletonList(null)));
    }

    @Test
    void aFlagTheSettingsAlreadyGiveIsNotAskedAgain() {
        assertEquals(List.of("isActive=true&isAgentActive=true", "isActive=false&isAgentActive=true"),
                AssignmentQueries.withRequiredFlags(List.of("isActive=true&isAgentActive=true",
                        "isActive=false&isAgentActive=true")));
    }

    @Test
    void ofSkillsSpelledAlikeTheSingleActiveOneIsMeant() {
        SkillBook book = new SkillBook();
        book.put(1, "Tier_1_Support", false);
        book.put(2, "Tier_1_Support", true);
        book.put(3, "tier_1_support", false);
        Skills skills = book.lookups(Instant.EPOCH);
        assertEquals(2L, skills.idOf("Tier_1_Support"), "the retired one is not meant");
        assertEquals(2L, skills.idOf("TIER_1_SUPPORT"), "by case too");
    }

    @Test
    void twoActiveSkillsSpelledAlikeOrOnlyInactiveOnesAreAmbiguous() {
        SkillBook book = new SkillBook();
        book.put(1, "Retention", true);
        book.put(2, "Retention", true);
        book.put(3, "Billing", false);
        book.put(4, "Billing", false);
        book.put(5, "Sales", false);
        Skills skills = book.lookups(Instant.EPOCH);
        assertEquals(TenantDirectory.AMBIGUOUS, skills.idOf("Retention"));
        assertEquals(TenantDirectory.AMBIGUOUS, skills.idOf("Billing"));
        assertEquals(5L, skills.idOf("Sales"), "a lone inactive skill still resolves, as before");
    }

    @Test
    void discoveryFollowsTheIdTokensIssuerWhenItIsAnOrigin() {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        assertEquals("https://cxone-gov.niceincontact.com",
                TokenForm.issuerOf(jwt("{\"iss\":\"https://cxone-gov.niceincontact.com/\",\"tenantId\":\"t-1\"}"), json));
        assertEquals(null, TokenForm.issuerOf(jwt("{\"tenantId\":\"t-1\"}"), json), "no iss: discovery-url");
        assertEquals(null, TokenForm.issuerOf(jwt("{\"iss\":\"https://evil.example/path?x=1\"}"), json), "a query is no issuer");
        assertEquals(null, TokenForm.issuerOf("not a jwt", json));
    }

    @Test
    void aLastPollTimeWithoutAZoneIsNoWatermark() throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        assertEquals(Instant.parse("2026-12-03T08:00:00Z"),
                CxoneJson.pollTime(json.readTree("{\"lastPollTime\":\"2026-12-03T09:00:00+01:00\"}")));
        assertEquals(null, CxoneJson.pollTime(json.readTree("{\"lastPollTime\":\"2026-12-03T08:00:00\"}")),
                "a time whose zone is a guess");
        assertEquals(null, CxoneJson.pollTime(json.readTree("{}")));
    }

    static String jwt(String claims) {
        return "eyJhbGciOiJub25lIn0." + java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(claims.getBytes(java.nio.charset.StandardCharsets.UTF_8)) + ".";
    }
}
