package io.skillsync.console;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A run as the console's tables show it, read from its summary. */
public record RunLine(String runId, String file, String mode, String result, String started, long startedEpoch, String took,
        long rows, long applied, long unchanged, long rejected, long failed, long planned, long requests, long throttled,
        String reason, long driftCount, List<DriftLine> drift) {

    /** An assignment the run found CXone holding otherwise than SkillSync last set it (the summary's drift items). */
    public record DriftLine(long agentId, long skillId, String set, String now, String setBy, String setIn) {
    }

    static RunLine of(JsonNode summary) {
        JsonNode counts = summary.path("counts");
        JsonNode requests = summary.path("requests");
        Instant started = RunHistory.startOf(summary);
        String took = "";
        try {
            took = Duration.between(started, Instant.parse(summary.path("finished").asText())).toMillis() / 100 / 10.0 + " s";
        } catch (RuntimeException e) {
            // an older or interrupted record without its end
        }
        String reason = summary.path("stoppedBecause").asText(null);
        if (reason == null && summary.path("heldBecause").isArray()) {
            reason = String.join("; ", texts(summary.path("heldBecause")));
        }
        return new RunLine(summary.path("runId").asText(), summary.path("file").asText(), summary.path("mode").asText(),
                summary.path("result").asText(), started.toString().replace('T', ' ').replaceFirst("\\.\\d+Z$", "Z"),
                started.getEpochSecond(), took, counts.path("rows").asLong(), counts.path("applied").asLong(),
                counts.path("unchanged").asLong(), counts.path("rejected").asLong(), counts.path("failed").asLong(),
                counts.path("planned").asLong(),
                requests.path("read").asLong() + requests.path("write").asLong() + requests.path("token").asLong(),
                requests.path("throttled429").asLong(), reason == null ? "" : reason,
                summary.path("drift").path("count").asLong(), driftLines(summary.path("drift").path("items")));
    }

    private static List<DriftLine> driftLines(JsonNode items) {
        List<DriftLine> lines = new ArrayList<>();
        items.forEach(item -> lines.add(new DriftLine(item.path("agentId").asLong(), item.path("skillId").asLong(),
                item.path("set").asText(), item.path("now").asText(), item.path("setBy").asText(),
                item.path("setIn").asText())));
        return lines;
    }

    /** The chart's series, oldest run first: [times (s)], [applied], [unchanged], [rejected], [failed]. */
    static String chart(List<RunLine> newestFirst, ObjectMapper json) throws JsonProcessingException {
        List<List<Number>> series = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
                new ArrayList<>());
        for (int i = newestFirst.size() - 1; i >= 0; i--) {
            RunLine run = newestFirst.get(i);
            series.get(0).add(run.startedEpoch());
            series.get(1).add(run.applied());
            series.get(2).add(run.unchanged());
            series.get(3).add(run.rejected());
            series.get(4).add(run.failed());
        }
        return json.writeValueAsString(series);
    }

    static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }
}
