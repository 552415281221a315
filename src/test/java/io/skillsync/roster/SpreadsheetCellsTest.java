package io.skillsync.roster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Cells a spreadsheet would run as formulas get an apostrophe; reading takes it off again. */
class SpreadsheetCellsTest {

    @ParameterizedTest
    @ValueSource(strings = { "=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx", " =HYPERLINK(\"http://x\")", "\n=1", "  \n @x",
            "\uff1dcmd", "\uff0b1", "\uff0d1", "\uff20x", "\u0000=1", "\u3000=1" })
    void riskyCellsAreNeutralisedAndRestored(String cell) {
        assertEquals("'" + cell, SpreadsheetCells.neutralise(cell), "neutralised");
        assertEquals(cell, SpreadsheetCells.restore(SpreadsheetCells.neutralise(cell)), "restored");
    }

    @ParameterizedTest
    @ValueSource(strings = { "agent@example.com", "Tier_1_Support", "5", " 5 ", "", "'quoted", "a=b" })
    void plainCellsStayAsTheyAre(String cell) {
        assertEquals(cell, SpreadsheetCells.neutralise(cell));
        assertEquals(cell, SpreadsheetCells.restore(cell));
    }
}
