package io.skillsync.record;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A run's {@code <runId>.summary.json} (operations.md, "A run"): its result, counts, what it cost in requests
 * and the files it wrote. One type for every writer (a finished run, an unreadable file, a run rebuilt from its
 * journal), so the keys and their order are the same whoever wrote it; a key without a value is left out.
 *
 * @param layout         {@code long} or {@code matrix} (roster-format.md, "Layouts"), null when the header was not read
 * @param ignoredColumns the file's columns read neither as roster columns nor as skills
 * @param columnHints    an ignored column -> the names it may have meant (never applied by itself)
 * @param mappings       each mapping file the run read (mappings/skills.csv, levels.csv) -> its sha256
 * @param full           a full roster's scope (roster-format.md, "Full rosters"), null for a list of changes
 * @param counts         {@code rows} first, then each outcome's label with its count; a full roster's {@code absent}
 *                       last (rows of the run without a line of the file, counted in {@code rows} too)
 * @param drift          assignments the run found CXone holding otherwise than SkillSync last set them, or null
 *                       when it met none (operations.md, "Drift")
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunSummary(String runId, String file, String sha256, String mode, String result, String stoppedBecause,
        String interruptedBecause, String failedBecause, String started, String finished, String layout,
        List<String> ignoredColumns, Map<String, List<String>> columnHints, Map<String, String> mappings, Full full,
        Map<String, Integer> counts,
        Integer batches, Integer wouldWrite, List<String> heldBecause, Release releasedBy, List<String> wouldBeHeld,
        Integer verified, Requests requests, List<String> outputs, String reason, Drift drift) {

    public static final String DRY_RUN = "dry-run";
    public static final String APPLY = "apply";
    /** What a full roster does to an assignment it leaves out. */
    public static final String DEACTIVATE = "deactivate";
    /** ... or unassigns it with NICE's DELETE. */
    public static final String DELETE = "delete";

    /**
     * A full roster's scope: how many skills it answered for, and what became of the assignments it left out
     * ({@code deactivate}).
     */
    public record Full(int skills, String removal) {
    }

    /** Who released a held file, when, and for which content. */
    public record Release(String by, String at, String sha256) {
    }

    /**
     * Drift met by the run: how many, and the first {@link #MOST_DRIFT_ITEMS} of them (the audit's {@code drift}
     * column names every one).
     */
    public record Drift(int count, List<DriftItem> items) {
    }

    /** The summary lists at most this many drift items: a tenant an admin re-levelled whole would fill a page. */
    public static final int MOST_DRIFT_ITEMS = 100;

    /**
     * One drifted assignment: what SkillSync {@code set} (in run {@code setIn}), what CXone holds {@code now}, and who
     * set that ({@code setBy}), each in words: "5, active", "9, inactive", "not assigned".
     */
    public record DriftItem(long agentId, long skillId, String set, String now, String setBy, String setIn) {
    }

    /** The requests the run cost CXone. */
    public record Requests(long read, long write, long token, long throttled429, long retried) {
    }

    /** The same summary with the reason a file could not be read. */
    public RunSummary withReason(String why) {
        return new RunSummary(runId, file, sha256, mode, result, stoppedBecause, interruptedBecause, failedBecause,
                started, finished, layout, ignoredColumns, columnHints, mappings, full, counts, batches, wouldWrite, heldBecause, releasedBy, wouldBeHeld, verified, requests,
                outputs, why, drift);
    }

    /** Written whole or not at all, so a reader never meets half a summary. */
    public void write(Path file, ObjectMapper json) throws IOException {
        AtomicFiles.writeAtomically(file, out -> json.writerWithDefaultPrettyPrinter().writeValue(out, this));
    }
}
