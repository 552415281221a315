package io.skillsync.support.profiles;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

import io.skillsync.support.DebugLog;

/**
 * The service as support turns it up to follow a run: the whole log at DEBUG in {@link #LOG}, and tracing on
 * with no exporter. SecretsTest searches that log for secrets; TracingTest reads traceparent on every request
 * and the trace id in the audit. One start for both: the log is read only for secrets and DEBUG lines, and
 * tracing adds a header and an audit column (a hex trace id) that carry no secret.
 * <p>
 * Never for a test that parses /q/metrics: with tracing on, Prometheus samples carry exemplars
 * ({@code # {span_id=...}}) after their value (ObservabilityTest's scrape reads them as no sample).
 */
public class Diagnosed implements QuarkusTestProfile {

    public static final Path LOG = Path.of("target/diagnosed-debug.log");

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = new HashMap<>(DebugLog.to(LOG));
        config.putAll(Map.of("quarkus.otel.sdk.disabled", "false", "quarkus.otel.traces.exporter", "none",
                "quarkus.otel.metrics.exporter", "none", "quarkus.otel.logs.exporter", "none"));
        return config;
    }
}
