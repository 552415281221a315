package io.skillsync.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

/** The tenant's names suggested for an unknown skill name: same letters first, then a slip or two away. */
class SkillHintsTest {

    static final List<String> TENANT = List.of("Tier_1_Support", "Tier_2_Support", "Payment_Processing",
            "Billing", "Sales", "Chat", "Email_Care", "VIP");

    @Test
    void aSlipAfterNormalising() {
        assertEquals(List.of("Tier_1_Support", "Tier_2_Support"), SkillHints.nearest("Tier 1 Suport", TENANT),
                "Tier_2_Support is two slips away, a suggestion still");
        assertEquals(List.of("Tier_1_Support"), SkillHints.nearest("Tier 1 Suport", List.of("Tier_1_Support", "Billing")));
    }

    @Test
    void theSameLettersIgnoringCaseSpacesUnderscoresAndHyphensComeFirst() {
        assertEquals(List.of("Tier_1_Support", "Tier_2_Support"), SkillHints.nearest("tier1support", TENANT));
        assertEquals("Payment_Processing", SkillHints.nearest("PAYMENT - PROCESSING", TENANT).get(0));
    }

    @Test
    void aTranspositionIsOneSlip() {
        assertEquals(List.of("Billing"), SkillHints.nearest("Bililng", TENANT));
        assertEquals(1, SkillHints.distance("bililng", "billing", 2));
        assertEquals(3, SkillHints.distance("ca", "abc", 5), "optimal string alignment: no edit inside a swapped pair");
        assertEquals(3, SkillHints.distance("abcdef", "uvwxyz", 2), "cut short once over the most");
    }

    @Test
    void twoSlipsForLongerNames() {
        assertEquals(List.of("Payment_Processing"), SkillHints.nearest("Paymnt Procesing", TENANT));
        assertEquals(List.of(), SkillHints.nearest("Paymt Procsing", TENANT), "three slips is too far");
    }

    @Test
    void nothingForFarNames() {
        assertEquals(List.of(), SkillHints.nearest("Workforce Management", TENANT));
        assertEquals(List.of(), SkillHints.nearest("", TENANT));
        assertEquals(List.of(), SkillHints.nearest(" _- ", TENANT));
        assertEquals(List.of(), SkillHints.nearest(null, TENANT));
        assertEquals(List.of(), SkillHints.nearest("Billing", List.of()));
        assertEquals(List.of("Billing"), SkillHints.nearest("Biling", java.util.Arrays.asList("Billing", null, "Billing")),
                "a name given twice is suggested once, and a null is no name");
    }

    @Test
    void shortNamesAllowOneSlipOnly() {
        assertEquals(List.of("Chat"), SkillHints.nearest("Caht", TENANT));
        assertEquals(List.of("VIP"), SkillHints.nearest("VIPP", TENANT));
        assertEquals(List.of(), SkillHints.nearest("Cat5", TENANT), "two slips from Chat");
        assertEquals(List.of(), SkillHints.nearest("Chatty", List.of("Chat")), "a short candidate allows one slip, however long the name");
    }

    @Test
    void tiesGoByNameAndThreeAtMost() {
        List<String> tenant = List.of("Support_D", "support_b", "Support_A", "Support_C", "Supporting");
        assertEquals(List.of("Support_A", "support_b", "Support_C"), SkillHints.nearest("Support_X", tenant));
        assertEquals(List.of("Tier_1_Support", "Tier_2_Support"), SkillHints.nearest("Tier 3 Support", TENANT));
    }

    @Test
    void theSameLettersBeatASlipWhateverTheirNames() {
        assertEquals(List.of("tier-1-support", "Tier_1_Suport"),
                SkillHints.nearest("Tier 1 Support", List.of("Tier_1_Suport", "tier-1-support")));
    }

    @Test
    void aTenantOfTwoThousandSkillsAskedTwoHundredTimes() {
        List<String> tenant = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            tenant.add("Queue_" + i + "_Support_" + Integer.toString(i * 7919, 36));
        }
        SkillHints hints = SkillHints.among(tenant);
        // no time is asserted (machines differ); a cut-short search that lost the right name would show here
        for (int i = 0; i < 2_000; i += 10) {
            String wanted = tenant.get(i);
            assertEquals(wanted, hints.nearest(wanted.replace('_', ' ').toUpperCase(Locale.ROOT)).get(0));
        }
        String typo = tenant.get(1234).replace("Support", "Suport");
        assertEquals(tenant.get(1234), hints.nearest(typo).get(0));
        assertEquals(hints.nearest(typo), hints.nearest(typo), "a remembered answer");
        assertEquals(hints.nearest(typo), SkillHints.nearest(typo, tenant));
    }

    @Test
    void theHintReadsAsASentence() {
        assertEquals("", SkillHints.hint(List.of()));
        assertEquals(" (did you mean 'Tier_1_Support'?)", SkillHints.hint(List.of("Tier_1_Support")));
        assertEquals(" (did you mean 'A' or 'B'?)", SkillHints.hint(List.of("A", "B")));
        assertEquals(" (did you mean 'A', 'B' or 'C'?)", SkillHints.hint(List.of("A", "B", "C")));
    }
}
