package io.skillsync.run;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.skillsync.cxone.CxoneTraffic;
import io.skillsync.record.AtomicFiles;
import io.skillsync.sync.RunResult;

/** A run's {@code <runId>.summary.json}: its result, counts, what it cost in requests and the files it wrote. */
final class RunSummary {

    private final CxoneTraffic traffic;
    private final ObjectMapper json;

    RunSummary(CxoneTraffic traffic, ObjectMapper json) {
        this.traffic = traffic;
        this.json = json;
    }

    Map<String, Object> of(Run run, RunResult result, List<String> outputs) throws IOException {
        CxoneTraffic.Snapshot cost = traffic.snapshot().since(run.trafficAtStart());
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("rows", run.rows().size());
        run.counts().forEach((outcome, n) -> counts.put(outcome.label(), n));
        Map<String, Object> requests = new LinkedHashMap<>();
        requests.put("read", cost.read());
        requests.put("write", cost.write());
        requests.put("token", cost.token());
        requests.put("throttled429", cost.throttled429());
        requests.put("retried", cost.retried());
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("runId", run.id());
        summary.put("file", run.fileName());
        summary.put("sha256", run.sha256());
        summary.put("mode", run.dryRun() ? "dry-run" : "apply");
        summary.put("result", result.label());
        if (run.stopped() != null) {
            summary.put("stoppedBecause", run.stopped());
        }
        summary.put("started", run.started().toString());
        summary.put("finished", Instant.now().toString());
        summary.put("counts", counts);
        summary.put("batches", run.batchCount());
        if (run.dryRun()) {
            summary.put("wouldWrite", run.batches().size());
        }
        if (run.heldBecause() != null) {
            summary.put("heldBecause", run.heldBecause());
        }
        if (run.release() != null) {
            summary.put("releasedBy", Map.of("by", run.release().by(), "at", run.release().at(), "sha256",
                    run.release().sha256()));
        }
        if (run.wouldBeHeld() != null) {
            summary.put("wouldBeHeld", run.wouldBeHeld());
        }
        if (run.verified() >= 0) {
            summary.put("verified", run.verified());
        }
        summary.put("requests", requests);
        summary.put("outputs", outputs);
        return summary;
    }

    void write(Path summary, Map<String, Object> content) throws IOException {
        AtomicFiles.writeAtomically(summary, out -> json.writerWithDefaultPrettyPrinter().writeValue(out, content));
    }
}
