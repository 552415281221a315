package io.skillsync.roster;

import java.util.List;

/**
 * One data row of a roster file as read: the physical line it starts on and its raw cells.
 *
 * @param index 0-based position among the file's data rows (blank lines not counted)
 * @param line  1-based line number of the file where the row starts
 */
public record RosterRecord(int index, int line, List<String> cells, RosterColumns columns) {

    /** The cell of a known column, or null when the file has no such column or the row is short. */
    public String cell(int column) {
        return column >= 0 && column < cells.size() ? cells.get(column) : null;
    }
}
