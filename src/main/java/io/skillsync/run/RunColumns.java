package io.skillsync.run;

import java.util.List;
import java.util.Map;

import io.skillsync.roster.RosterColumns;

/**
 * A run's file as its header was read: the layout and, for a matrix, which columns are skills; the columns
 * ignored, each with the tenant's nearest names where it looks like a skill or a roster column misspelt.
 *
 * @param hints an ignored column's header -> the names it may have meant (never applied by itself)
 */
public record RunColumns(RosterColumns columns, Map<String, List<String>> hints) {

    public String layout() {
        return columns.matrix() ? "matrix" : "long";
    }
}
