package io.skillsync.results;

import java.util.ArrayList;
import java.util.List;
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
        return body(summary, errorFile, remoteDir, null);
    }

    /** @param plan a preview's plan file delivered alongside, or null */
    static String body(JsonNode summary, String errorFile, String remoteDir, String plan) {
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
        for (String outcome : new String[] { "applied", "unchanged", "rejected", "failed", "planned", "scheduled" }) {
            if (counts.path(outcome).asInt() > 0) {
                text.append(", ").append(outcome).append(' ').append(counts.path(outcome).asInt());
            }
        }
        text.append('\n');
        text.append("finished: ").append(summary.path("finished").asText()).append('\n');
        if (summary.hasNonNull("heldBecause")) {
            text.append("held because: ").append(words(summary.path("heldBecause"))).append('\n')
                    .append("nothing was written; an operator must release the file before it runs\n");
        }
        if (summary.hasNonNull("reason")) {
            text.append("not read: ").append(summary.path("reason").asText()).append('\n');
        }
        if (summary.hasNonNull("wouldBeHeld")) {
            text.append("the guard would hold it: ").append(words(summary.path("wouldBeHeld"))).append('\n')
                    .append("dropped as it is, nothing of it would be written until an operator releases it\n");
        }
        if (!summary.path("ignoredColumns").isEmpty()) {
            text.append("ignored columns: ");
            summary.path("ignoredColumns").forEach(column -> {
                text.append('\'').append(column.asText()).append('\'');
                JsonNode near = summary.path("columnHints").path(column.asText());
                if (!near.isEmpty()) {
                    text.append(" (did you mean '").append(near.path(0).asText()).append("'?)");
                }
                text.append("; ");
            });
            text.setLength(text.length() - 2);
            text.append('\n');
        }
        if (plan != null) {
            text.append("plan: ").append(plan).append(" in ").append(remoteDir)
                    .append("/ shows each row: the agent, the skill, what CXone holds now and what it would be\n");
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

    /** A summary's reasons: a list of them (heldBecause, wouldBeHeld), or one text. */
    private static String words(JsonNode reasons) {
        if (!reasons.isArray()) {
            return reasons.asText();
        }
        List<String> each = new ArrayList<>();
        reasons.forEach(reason -> each.add(reason.asText()));
        return String.join("; ", each);
    }
}
