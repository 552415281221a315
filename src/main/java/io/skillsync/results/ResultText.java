package io.skillsync.results;

import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What HR reads of a run: the file, the result, the counts, why it stopped or was held, and where to look.
 * Made from the run's summary only, so it holds no row, no e-mail address and no secret.
 */
final class ResultText {

    /** Results that need a person (the rest: complete, or paused by the window's end and going on by itself). */
    private static final Set<String> CALM = Set.of("complete", "paused");

    private ResultText() {
    }

    /** A run someone should look at: held, stopped (or otherwise not complete), or rows rejected or failed. */
    static boolean needsAPerson(JsonNode summary) {
        JsonNode counts = summary.path("counts");
        return !CALM.contains(summary.path("result").asText())
                || counts.path("rejected").asInt() > 0 || counts.path("failed").asInt() > 0;
    }

    static String subject(JsonNode summary) {
        JsonNode counts = summary.path("counts");
        String result = summary.path("result").asText();
        String what = switch (result) {
            case "held" -> "held: nothing written";
            case "complete", "paused" -> counts.path("failed").asInt() > 0 || counts.path("rejected").asInt() > 0
                    ? counts.path("rejected").asInt() + " rejected, " + counts.path("failed").asInt() + " failed"
                    : result;
            default -> result;
        };
        return "SkillSync: " + summary.path("file").asText() + " " + what;
    }

    /** @param errorFile the error file's name when it is delivered alongside, or null */
    static String body(JsonNode summary, String errorFile, String remoteDir) {
        JsonNode counts = summary.path("counts");
        StringBuilder text = new StringBuilder();
        text.append("SkillSync result for ").append(summary.path("file").asText())
                .append(" (run ").append(summary.path("runId").asText()).append(")\n");
        text.append("result: ").append(summary.path("result").asText());
        if ("dry-run".equals(summary.path("mode").asText())) {
            text.append(" (dry run: nothing was written to CXone)");
        }
        text.append('\n');
        text.append("rows: ").append(counts.path("rows").asInt());
        for (String outcome : new String[] { "applied", "unchanged", "rejected", "failed", "planned" }) {
            if (counts.path(outcome).asInt() > 0) {
                text.append(", ").append(outcome).append(' ').append(counts.path(outcome).asInt());
            }
        }
        text.append('\n');
        text.append("finished: ").append(summary.path("finished").asText()).append('\n');
        if (summary.hasNonNull("heldBecause")) {
            text.append("held because: ").append(summary.path("heldBecause").asText()).append('\n')
                    .append("nothing was written; an operator must release the file before it runs\n");
        }
        if (summary.hasNonNull("stoppedBecause")) {
            text.append("stopped because: ").append(summary.path("stoppedBecause").asText()).append('\n')
                    .append("the file stays queued and runs again by itself\n");
        }
        if (errorFile != null) {
            text.append("errors: ").append(errorFile).append(" in ").append(remoteDir)
                    .append("/ lists each rejected or failed row with its reason; correct those rows and drop that"
                            + " file like a roster to rerun just them\n");
        }
        text.append("the run's full record (every row's outcome) is in SkillSync's audit folder under ")
                .append(summary.path("runId").asText()).append('\n');
        return text.toString();
    }
}
