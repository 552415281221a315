package io.skillsync.run;

/**
 * The names of the exchange properties a run carries, in one place. The routes spell the same names
 * (routes/run.camel.yaml: {@code ${exchangeProperty.run}}, {@code runArchive}, {@code currentAssignments};
 * routes/run.camel.yaml: {@code batch}); a rename here is a rename there.
 */
public final class RunProperties {

    /** The {@link Run} itself, set by {@code runLedger.open} when the file is taken. */
    public static final String RUN = "run";
    /** The batch being written (route {@code write-batch}). */
    public static final String BATCH = "batch";
    /** Where the file consumer moves the file, relative to inbox/ (used by the consumer's {@code move}). */
    public static final String ARCHIVE = "runArchive";
    /** What CXone held before the run (route {@code plan}), which the guard weighs the plan against. */
    public static final String CURRENT = "currentAssignments";

    private RunProperties() {
    }
}
