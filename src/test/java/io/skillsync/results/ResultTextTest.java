package io.skillsync.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** What HR and the mail list read of a run, from its summary alone: plain JUnit. */
class ResultTextTest {

    static final ObjectMapper JSON = new ObjectMapper();

    static JsonNode summary(String result, int applied, int rejected, int failed, String extra) throws Exception {
        return JSON.readTree("{\"runId\":\"20261125T021500Z-4f2a\",\"file\":\"nightly.csv\",\"mode\":\"apply\",\"result\":\""
                + result + "\",\"finished\":\"2026-11-25T02:15:42Z\",\"counts\":{\"rows\":" + (applied + rejected + failed)
                + ",\"applied\":" + applied + ",\"unchanged\":0,\"rejected\":" + rejected + ",\"failed\":" + failed
                + ",\"planned\":0}" + extra + "}");
    }

    @Test
    void aCleanRunNeedsNobody() throws Exception {
        JsonNode clean = summary("complete", 150, 0, 0, "");
        assertFalse(ResultText.needsAPerson(clean));
        assertFalse(ResultText.needsAPerson(summary("paused", 50, 0, 0, "")), "a window's end goes on by itself");
        assertEquals("SkillSync: nightly.csv complete", ResultText.subject(clean));
    }

    @Test
    void heldStoppedRejectedOrFailedNeedAPerson() throws Exception {
        JsonNode held = summary("held", 0, 0, 0, ",\"heldBecause\":\"deactivates 60% of Tier_1_Support's active agents\"");
        assertTrue(ResultText.needsAPerson(held));
        assertEquals("SkillSync: nightly.csv held: nothing written", ResultText.subject(held));
        assertTrue(ResultText.body(held, null, "results").contains("held because: deactivates 60%"));
        JsonNode stopped = summary("stopped", 10, 0, 0, ",\"stoppedBecause\":\"credentials refused\"");
        assertTrue(ResultText.needsAPerson(stopped));
        assertTrue(ResultText.body(stopped, null, "results").contains("runs again by itself"));
        JsonNode rejected = summary("complete", 149, 1, 0, "");
        assertTrue(ResultText.needsAPerson(rejected));
        assertEquals("SkillSync: nightly.csv 1 rejected, 0 failed", ResultText.subject(rejected));
        assertTrue(ResultText.needsAPerson(summary("complete", 149, 0, 1, "")));
    }

    /** Before: summaries hold the guard's reasons as a list, which the body read as text: "held because: " and nothing. */
    @Test
    void theGuardsReasonsAsTheSummaryListsThemReachHr() throws Exception {
        JsonNode held = summary("held", 0, 0, 0, ",\"heldBecause\":[\"deactivates 60% of Tier_1_Support\",\"adds 90%\"]");
        assertTrue(ResultText.body(held, null, "results").contains("held because: deactivates 60% of Tier_1_Support; adds 90%"),
                ResultText.body(held, null, "results"));
        JsonNode preview = summary("complete", 0, 0, 0, ",\"mode\":\"dry-run\",\"wouldBeHeld\":[\"deactivates 60%\"],"
                + "\"ignoredColumns\":[\"Name\",\"Tier 1 Suport\"],\"columnHints\":{\"Tier 1 Suport\":[\"Tier_1_Support\"]}");
        String body = ResultText.body(preview, null, "results", "nightly.r.plan.csv");
        assertTrue(body.contains("the guard would hold it: deactivates 60%"), body);
        assertTrue(body.contains("ignored columns: 'Name'; 'Tier 1 Suport' (did you mean 'Tier_1_Support'?)"), body);
        assertTrue(body.contains("plan: nightly.r.plan.csv in results/"), body);
    }

    @Test
    void theBodyNamesTheCountsAndTheErrorFileButNoRow() throws Exception {
        String body = ResultText.body(summary("complete", 150, 1, 0, ""), "nightly.20261125T021500Z-4f2a.errors.csv", "results");
        assertTrue(body.startsWith("SkillSync result for nightly.csv (run 20261125T021500Z-4f2a)\nresult: complete\n"), body);
        assertTrue(body.contains("rows: 151, applied 150, rejected 1\n"), body);
        assertTrue(body.contains("errors: nightly.20261125T021500Z-4f2a.errors.csv in results/"), body);
        assertFalse(body.contains("@"), "no e-mail address: " + body);
    }
}
