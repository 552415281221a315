package io.skillsync.roster;

import java.util.List;

/**
 * One row of a roster as read: the physical line it starts on and its raw cells. In a matrix, each non-blank
 * skill cell of a line is a row of its own ({@code column} >= 0): the line's agent, the column's skill, the
 * cell's level; in a long file, {@code column} is -1 and the row is the line.
 *
 * @param index  0-based position among the file's rows (blank lines not counted)
 * @param line   1-based line number of the file where the row starts (a sheet's row number)
 * @param column a matrix's skill column, or -1 in a long file
 */
public record RosterRecord(int index, int line, List<String> cells, RosterColumns columns, int column) {

    public RosterRecord(int index, int line, List<String> cells, RosterColumns columns) {
        this(index, line, cells, columns, -1);
    }

    /** The cell of a known column, or null when the file has no such column or the row is short. */
    public String cell(int column) {
        return column >= 0 && column < cells.size() ? cells.get(column) : null;
    }

    /** The skill the row names: its skill cell, or a matrix column's skill. */
    public String skill() {
        return column >= 0 ? columns.skillColumns().get(column) : cell(columns.skill());
    }

    /** The level the row asks for: its proficiency cell, or a matrix cell. */
    public String proficiency() {
        return column >= 0 ? cell(column) : cell(columns.proficiency());
    }

    /** The active cell (a matrix says off in the level cell instead: null). */
    public String active() {
        return column >= 0 ? null : cell(columns.active());
    }

    /** When the row takes effect, as written (blank or absent: now). */
    public String effective() {
        return cell(columns.effective());
    }

    /** When a temporary change ends, as written (blank or absent: it stays). */
    public String until() {
        return cell(columns.until());
    }

    /** Where the row is, as HR reads it: {@code line 12}, or {@code line 12, Tier 1} in a matrix (its header). */
    public String place() {
        return column >= 0 ? "line " + line + ", " + columns.header().get(column) : "line " + line;
    }
}
