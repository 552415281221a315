package io.skillsync.roster;

/**
 * Keeps cells that SkillSync writes from being run as formulas when an operator opens an audit or
 * error file in a spreadsheet (OWASP CSV injection): a cell starting with {@code = + - @}, tab or CR gets
 * a leading apostrophe. Reading takes it off again, so an error file reruns as the rows were first sent.
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
        char c = cell.charAt(at);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    }
}
