package io.skillsync.support.profiles;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

import io.skillsync.support.DebugLog;

/**
 * The service watched closely: the whole log at DEBUG in {@link #LOG} (SecretsTest searches it for secrets),
 * tracing on with no exporter (TracingTest: traceparent on every request, the trace id in the audit), the
 * watchdog on a 1 s leash (WatchdogTest), and the guard weighing a skill's deactivations over the last hour and
 * holding a mass add (RollingGuardTest; the total limit set aside, as other tests of this work dir deactivate
 * other skills within the hour).
 * <p>
 * One start for the four, as none observes what the others' settings change: SecretsTest and TracingTest only
 * add holders to a skill that has none (the add limit needs 20 holders) and deactivate nothing (the period and
 * the total limit weigh deactivations only), and neither asks liveness; the log is read only for secrets and
 * DEBUG lines; tracing adds a header and an audit column (a hex trace id) that carry no secret.
 * <p>
 * Never for a test that parses /q/metrics: with tracing on, Prometheus samples carry exemplars
 * ({@code # {span_id=...}}) after their value (ObservabilityTest's scrape reads them as no sample).
 */
public class Watched implements QuarkusTestProfile {

    public static final Path LOG = Path.of("target/watched-debug.log");

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = new HashMap<>(DebugLog.to(LOG));
        config.putAll(Map.of("quarkus.otel.sdk.disabled", "false", "quarkus.otel.traces.exporter", "none",
                "quarkus.otel.metrics.exporter", "none", "quarkus.otel.logs.exporter", "none"));
        config.putAll(Map.of("skillsync.guard.period", "1h", "skillsync.guard.max-add-share", "0.5",
                "skillsync.guard.max-deactivations", "100000", "skillsync.health.stall-after", "1s"));
        return config;
    }
}
