package io.skillsync.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import org.junit.jupiter.api.Test;

/** Drift is what CXone holds against what SkillSync last set: changed, switched off, removed; and only that. */
class DriftTest {

    static final Instant AT = Instant.parse("2026-12-07T23:05:01Z");

    private static ManagedAssignment set(int proficiency, boolean active) {
        return new ManagedAssignment(11, 7, proficiency, active, "20261207T230501Z-3f9c", AT);
    }

    private static Row asking(int proficiency, boolean active) {
        Row row = new Row(2);
        row.resolvedTo(11, 7);
        row.wants(proficiency, active);
        return row;
    }

    @Test
    void cxoneHoldingWhatSkillSyncSetIsNoDrift() {
        assertTrue(Drift.between(set(5, true), new Assignment(11, 7, 5, true)).isEmpty());
        assertTrue(Drift.between(null, new Assignment(11, 7, 9, true)).isEmpty(), "never set by SkillSync: not ours");
        assertTrue(Drift.between(set(5, false), null).isEmpty(), "switched off, then removed: off either way");
        assertTrue(Drift.between(set(Row.NONE, true), new Assignment(11, 7, 12, true)).isEmpty(),
                "a level SkillSync left as it was is not weighed");
    }

    @Test
    void aChangedLevelADeactivationAndARemovalAreDriftInWords() {
        Drift raised = Drift.between(set(5, true), new Assignment(11, 7, 9, true)).orElseThrow();
        assertEquals("5, active", raised.set().state());
        assertEquals("9, active", raised.nowState());
        assertEquals("not SkillSync", raised.setBy());
        assertEquals(new AssignmentKey(11, 7), raised.key());
        assertEquals("SkillSync set 5, active in run 20261207T230501Z-3f9c; CXone now holds 9, active (set by not SkillSync)",
                raised.words());

        assertEquals("5, inactive", Drift.between(set(5, true), new Assignment(11, 7, 5, false)).orElseThrow().nowState());
        assertEquals("not assigned", Drift.between(set(5, true), null).orElseThrow().nowState());
        assertEquals("inactive", set(Row.NONE, false).state());
    }

    @Test
    void aRowAskingWhatCxoneHoldsNowAgreesWithTheOtherParty() {
        Assignment nine = new Assignment(11, 7, 9, true);
        assertTrue(Drift.metBy(asking(9, true), set(5, true), nine).orElseThrow().rosterAgrees());
        assertTrue(Drift.metBy(asking(Row.NONE, true), set(5, true), nine).orElseThrow().rosterAgrees(),
                "a blank level keeps CXone's");
        assertFalse(Drift.metBy(asking(5, true), set(5, true), nine).orElseThrow().rosterAgrees());
        assertTrue(Drift.metBy(asking(5, false), set(5, true), null).orElseThrow().rosterAgrees(),
                "switching off what is gone is nothing to write");
        assertTrue(Drift.metBy(asking(5, true), set(5, true), new Assignment(11, 7, 5, true)).isEmpty());
    }
}
