package io.skillsync.console;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/** What became of a preview: its dry run's summary once it ran (else null), and its record. */
public record Preview(String id, String name, String source, String sha256, String by, String at, String dryRunFile,
        JsonNode plan, String appliedBy, String appliedAs) {

    public boolean planned() {
        return plan != null;
    }

    public boolean applied() {
        return appliedAs != null;
    }

    /** A preview as the operations API answers it. */
    public Map<String, Object> view() {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", id);
        view.put("name", name());
        view.put("source", source());
        view.put("sha256", sha256());
        view.put("by", by());
        view.put("at", at());
        view.put("planned", planned());
        view.put("runId", planned() ? plan().path("runId").asText() : null);
        view.put("counts", planned() ? plan().path("counts") : null);
        view.put("wouldBeHeld", planned() ? plan().path("wouldBeHeld") : null);
        view.put("appliedBy", appliedBy());
        view.put("appliedAs", appliedAs());
        return view;
    }
}
