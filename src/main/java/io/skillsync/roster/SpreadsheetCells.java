package io.skillsync.roster;

/**
 * Keeps cells that SkillSync writes from being run as formulas when an operator opens an audit or
 * error file in a spreadsheet (OWASP CSV injection): a cell starting with {@code = + - @} (also after
 * leading blanks or line breaks, and in their fullwidth forms), or with a tab, CR, LF or NUL, gets a
 * leading apostrophe. Reading takes it off again, so an error file reruns as the rows were first sent.
 */
public final class SpreadsheetCells {

    private SpreadsheetCells() {
    }

    public static String neutralise(String cell) {
        return risky(cell, 0) ? "'" + cell : cell;
    }

    public static String restore(String cell) {
        return cell != null && cell.length() > 1 && cell.charAt(0) == '\'' && risky(cell, 1) ? cell.substring(1) : cell;
    }

    private static boolean risky(String cell, int at) {
        if (cell == null || cell.length() <= at) {
            return false;
        }
        char first = cell.charAt(at);
        if (first == '\t' || first == '\r' || first == '\n' || first == '\0') {
            return true;
        }
        for (int i = at; i < cell.length(); i++) {
            char c = cell.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\0') {
                continue;
            }
            return "=+-@\uff1d\uff0b\uff0d\uff20".indexOf(c) >= 0;
        }
        return false;
    }
}
