package io.skillsync.sync;

/**
 * One roster row as the run knows it: what it asks for, what CXone held, and how it ended. Kept small
 * (no raw cells) so that a run of a million rows fits in a modest heap; the raw cells are read again
 * from the file when the audit is written. What it says in words is told by {@link RowWords} when asked,
 * rather than kept as a string on each row.
 */
public class Row {

    /** A proficiency or flag that the row leaves blank, or that CXone did not hold. */
    public static final int NONE = -1;

    private final int line;
    /** A matrix's skill column the row is the cell of, or -1 (a long file's row is its line). */
    private final int column;
    private long agentId;
    private long skillId;
    private int proficiency = NONE;
    private boolean active = true;
    private int previousProficiency = NONE;
    /**
     * 1 active, 0 inactive, NONE when the assignment did not exist or was not read. A byte, so that the
     * reference to {@link #counts} fits in the 80 bytes a row took before it (a million rows, a small heap).
     */
    private byte previousActive = NONE;
    private Outcome outcome;
    /** Said only when it cannot be told from the row itself (kept small: one string per row adds up). */
    private String detail;
    private int batch;
    private int httpStatus;
    private String requestId;
    private String cxoneRequestId;
    private String traceId;
    private boolean replanned;
    /** CXone's answer did not confirm this row (bulk, or an item it did not report on): read-back settles it. */
    private boolean unconfirmed;
    /** The counts of the run that took this row, or null for a row of no run (a plain test's). */
    private OutcomeCounts counts;

    public Row(int line) {
        this(line, -1);
    }

    public Row(int line, int column) {
        this.line = line;
        this.column = column;
    }

    public int line() {
        return line;
    }

    /** A matrix's column of this row's cell, or -1 in a long file. */
    public int column() {
        return column;
    }

    public long agentId() {
        return agentId;
    }

    public long skillId() {
        return skillId;
    }

    public void resolvedTo(long agentId, long skillId) {
        this.agentId = agentId;
        this.skillId = skillId;
    }

    /** The proficiency the row asks for, or {@link #NONE} when blank (keep the current one). */
    public int proficiency() {
        return proficiency;
    }

    public boolean active() {
        return active;
    }

    public void wants(int proficiency, boolean active) {
        this.proficiency = proficiency;
        this.active = active;
    }

    public int previousProficiency() {
        return previousProficiency;
    }

    public int previousActive() {
        return previousActive;
    }

    public void previously(int proficiency, boolean active) {
        this.previousProficiency = proficiency;
        this.previousActive = (byte) (active ? 1 : 0);
    }

    public boolean assignedBefore() {
        return previousActive != NONE;
    }

    /** The proficiency CXone must hold after the write: the row's, or the current one when left blank. */
    public int targetProficiency() {
        return proficiency != NONE ? proficiency : previousProficiency;
    }

    public Outcome outcome() {
        return outcome;
    }

    /** The outcome in words: given when the row ended, or told from what the row asks and CXone held. */
    public String detail() {
        if (detail != null) {
            return detail;
        }
        return RowWords.detail(this);
    }

    /** The change the row makes, in words. */
    public String change() {
        return RowWords.change(this);
    }

    /** A row still waiting for CXone's answer has no outcome yet. */
    public boolean open() {
        return outcome == null;
    }

    /**
     * Ends the row; {@code detail} null when {@link #detail()} can tell it from the row. Once: the audit, the
     * summary and the metrics tell one story of a row, so a second end is a mistake, not a correction. What
     * may really change an outcome has its own method and says why ({@link #confirmed}, {@link #notConfirmed},
     * {@link #notKept}).
     */
    public void end(Outcome outcome, String detail) {
        if (this.outcome != null) {
            throw new IllegalStateException("line " + line + " ended " + this.outcome.label() + " already: it cannot end "
                    + outcome.label() + " as well");
        }
        set(outcome, detail);
    }

    private void set(Outcome outcome, String detail) {
        Outcome was = this.outcome;
        this.outcome = outcome;
        this.detail = detail;
        if (counts != null) {
            counts.moved(was, outcome);
        }
    }

    /**
     * A run took this row: its outcome, now and whenever it is set, is counted in {@code counts}, which
     * other threads read instead of the rows.
     */
    public void countedIn(OutcomeCounts counts) {
        if (this.counts != null) {
            throw new IllegalStateException("line " + line + " is counted in a run already");
        }
        this.counts = counts;
        if (outcome != null) {
            counts.moved(null, outcome);
        }
    }

    public int batch() {
        return batch;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public String requestId() {
        return requestId;
    }

    public String traceId() {
        return traceId;
    }

    /** The id CXone sent back of its own for the request that carried this row, or null. */
    public String cxoneRequestId() {
        return cxoneRequestId;
    }

    public void sentIn(int batch, int httpStatus, String requestId, String cxoneRequestId, String traceId) {
        this.batch = batch;
        this.httpStatus = httpStatus;
        this.requestId = requestId;
        this.cxoneRequestId = cxoneRequestId;
        this.traceId = traceId;
    }

    /**
     * Marks that this row is planned once more after CXone refused it (its assignment may have changed
     * since it was read); false when that was done already, so a row never goes back and forth.
     */
    public boolean replanOnce() {
        if (replanned) {
            return false;
        }
        replanned = true;
        return true;
    }

    /**
     * CXone took the request but did not confirm this row: it stays {@code failed} unless read-back finds
     * CXone holding what it asks ({@link #confirmed}).
     */
    public void unconfirmed(String detail) {
        end(Outcome.FAILED, detail);
        unconfirmed = true;
    }

    public boolean isUnconfirmed() {
        return unconfirmed;
    }

    /** Read-back settled an unconfirmed row: CXone holds what it asks, so its {@code failed} becomes {@code applied}. */
    public void confirmed() {
        settleUnconfirmed(Outcome.APPLIED, null);
    }

    /** Read-back settled an unconfirmed row: CXone does not hold it, so it stays {@code failed}, saying so. */
    public void notConfirmed(String detail) {
        settleUnconfirmed(Outcome.FAILED, detail);
    }

    private void settleUnconfirmed(Outcome outcome, String detail) {
        if (!unconfirmed) {
            throw new IllegalStateException("line " + line + " is not waiting for read-back: it ended " + this.outcome);
        }
        unconfirmed = false;
        set(outcome, detail);
    }

    /**
     * Read-back found CXone not holding what it answered as applied (it sometimes answers 200 and keeps
     * nothing): the row's {@code applied} becomes {@code failed}, so it lands in the error file and reruns.
     */
    public void notKept(String detail) {
        if (outcome != Outcome.APPLIED || unconfirmed) {
            throw new IllegalStateException("line " + line + " was not applied, so it cannot be lost: it ended " + outcome);
        }
        set(Outcome.FAILED, detail);
    }

    /** Whether the row asks for the assignment to be gone (unassigned), not set. */
    public boolean removes() {
        return false;
    }

    /** Whether CXone, holding {@code now} (null: no such assignment), holds what the row asks. */
    public boolean heldAsAsked(Assignment now) {
        return removes() ? now == null : now != null && now.grants(this);
    }

    /** Whether two rows ask for the same state of the same assignment. */
    public boolean asksSameAs(Row other) {
        return proficiency == other.proficiency && active == other.active;
    }

    // drift (run.DriftCheck): kept apart from the fields above, null for every row that met none

    private String drift;

    /** What SkillSync had set and CXone held otherwise when the run read it, in words ({@link Drift#words}), or null. */
    public String drift() {
        return drift;
    }

    public void drifted(String words) {
        this.drift = words;
    }
}
