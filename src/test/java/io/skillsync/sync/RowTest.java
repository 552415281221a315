package io.skillsync.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** A row's outcome is set once: the audit, the summary and the metrics must tell one story about it. */
class RowTest {

    @Test
    void aRowThatEndedCannotEndAgain() {
        Row row = new Row(2);
        row.end(Outcome.APPLIED, null);
        assertThrows(IllegalStateException.class, () -> row.end(Outcome.FAILED, "not written: the run stopped"));
        assertEquals(Outcome.APPLIED, row.outcome(), "the first outcome stands");
    }

    @Test
    void readBackSettlesARowCxoneTookWithoutConfirmingIt() {
        Row kept = new Row(2);
        kept.unconfirmed("sent in a bulk write");
        assertEquals(Outcome.FAILED, kept.outcome(), "not applied until CXone is seen holding it");
        kept.confirmed();
        assertEquals(Outcome.APPLIED, kept.outcome());
        assertThrows(IllegalStateException.class, kept::confirmed, "settled once");

        Row lost = new Row(3);
        lost.unconfirmed("sent in a bulk write");
        lost.notConfirmed("not applied");
        assertEquals(Outcome.FAILED, lost.outcome());
        assertEquals("not applied", lost.detail());
        assertThrows(IllegalStateException.class, () -> lost.notConfirmed("again"));
    }

    @Test
    void onlyAnAppliedRowCanBeFoundNotKept() {
        Row applied = new Row(2);
        applied.end(Outcome.APPLIED, null);
        applied.notKept("accepted but not kept");
        assertEquals(Outcome.FAILED, applied.outcome());
        assertEquals("accepted but not kept", applied.detail());

        Row unchanged = new Row(3);
        unchanged.end(Outcome.UNCHANGED, null);
        assertThrows(IllegalStateException.class, () -> unchanged.notKept("accepted but not kept"));
        Row unconfirmed = new Row(4);
        unconfirmed.unconfirmed("sent in a bulk write");
        assertThrows(IllegalStateException.class, () -> unconfirmed.notKept("accepted but not kept"));
        assertThrows(IllegalStateException.class, () -> new Row(5).confirmed(), "an open row waits for CXone's answer");
    }
}
