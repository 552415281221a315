package io.skillsync.sync;

/**
 * A row's outcome and change in words, told from what the row asks and what CXone held. Stateless, so that
 * a row carries no more than its fields (a million of them must fit a modest heap).
 */
final class RowWords {

    private RowWords() {
    }

    /** The outcome in words for a row that ended without its own detail. */
    static String detail(Row row) {
        Outcome outcome = row.outcome();
        if (outcome == Outcome.PLANNED) {
            return "would " + change(row);
        }
        if (outcome == Outcome.APPLIED) {
            return change(row);
        }
        if (outcome == Outcome.UNCHANGED) {
            return unchanged(row);
        }
        return "";
    }

    /** Why nothing was written for a row CXone already holds as it asks. */
    static String unchanged(Row row) {
        if (row.removes()) {
            return "not assigned in CXone";
        }
        return row.assignedBefore()
                ? "CXone already holds proficiency " + row.previousProficiency() + (row.previousActive() == 1 ? ", active" : ", inactive")
                : "not assigned in CXone, so nothing to deactivate";
    }

    /** The change the row makes, in words. */
    static String change(Row row) {
        if (!row.assignedBefore()) {
            return "assign at proficiency " + row.targetProficiency() + (row.active() ? ", active" : ", inactive");
        }
        StringBuilder change = new StringBuilder("change");
        if (row.targetProficiency() != row.previousProficiency()) {
            change.append(" proficiency ").append(row.previousProficiency()).append(" -> ").append(row.targetProficiency());
        }
        if (row.active() != (row.previousActive() == 1)) {
            change.append(row.active() ? " activate" : " deactivate");
        }
        return change.toString();
    }
}
