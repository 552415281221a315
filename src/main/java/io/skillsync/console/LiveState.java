package io.skillsync.console;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.skillsync.config.SkillSyncConfig;
import io.skillsync.cxone.CxoneTraffic;
import io.skillsync.intake.MaintenanceWindow;
import io.skillsync.run.Run;
import io.skillsync.run.RunStatus;

/**
 * The moment's view for the console: the run in progress (phase, rows, writes, an ETA, 429s) and the
 * tenant's state (token, circuit, window, requests of the limit used, last 429), from what the service
 * already knows: RunStatus, CxoneTraffic, the window and the readiness checks.
 */
@ApplicationScoped
public class LiveState {

    /** The current unit's settings, read at each call. */
    private final SkillSyncConfig config;

    /** The run under way, as the console shows it. */
    public record Progress(String runId, String file, String phase, int rowsRead, int rowsSettled, int writesDone,
            int writesPlanned, long throttled429, long requests, String eta) {
    }

    /** One readiness check: its name, up or down, and what it says. */
    public record Check(String name, boolean up, Map<String, Object> data) {
    }

    private final RunStatus status;
    private final CxoneTraffic traffic;
    private final MaintenanceWindow window;
    private final Instance<HealthCheck> readiness;

    LiveState(RunStatus status, CxoneTraffic traffic, MaintenanceWindow window, @Any @Readiness Instance<HealthCheck> readiness,
            SkillSyncConfig config) {
        this.config = config;
        this.status = status;
        this.traffic = traffic;
        this.window = window;
        this.readiness = readiness;
    }

    /** The run under way, or null when none is. */
    public Progress progress() {
        Run run = status.current();
        if (run == null) {
            return null;
        }
        try {
            int planned = run.batches().count();
            int done = run.writes().done();
            String phase;
            if (!run.rows().allRead()) {
                phase = "reading the file";
            } else if (run.batches().planned().isEmpty() && done == 0) {
                phase = "reading CXone and planning";
            } else if (done < planned) {
                phase = "writing";
            } else {
                phase = verify() ? "verifying" : "finishing";
            }
            // the limit is the floor: what is left cannot go faster than the tenant's requests per minute allow
            long leftMillis = (long) (planned - done) * 60_000L / Math.max(1, perMinute())
                    + (verify() && planned > 0 ? Math.max(0, verifyDelay().toMillis() - sinceLastWrite(run, done)) : 0);
            String eta = phase.startsWith("read") ? "after the plan" : "about " + Duration.ofMillis(leftMillis).toSeconds() + " s";
            CxoneTraffic.Snapshot used = traffic.snapshot().since(run.trafficAtStart());
            return new Progress(run.id(), run.fileName(), phase, run.rows().size(), run.rows().settled(), done, planned,
                    used.throttled429(), used.read() + used.write() + used.token(), eta);
        } catch (RuntimeException e) {
            // the run moves on its own thread: a view taken mid-change is skipped, the next refresh shows it
            return new Progress(run.id(), run.fileName(), "busy", 0, 0, 0, 0, 0, 0, "");
        }
    }

    private static long sinceLastWrite(Run run, int done) {
        return done == 0 ? 0 : System.currentTimeMillis() - run.writes().lastMillis();
    }

    /** The tenant as SkillSync sees it now. */
    public Map<String, Object> tenant() {
        Map<String, Object> tenant = new LinkedHashMap<>();
        tenant.put("requestsLastMinute", traffic.sentInLastMinute());
        tenant.put("limitPerMinute", perMinute());
        Instant last429 = traffic.lastThrottled();
        tenant.put("last429", last429 == null ? "none since the start" : last429.toString());
        tenant.put("circuit", status.circuitOpen() ? "open: no request is sent for a while" : "closed");
        if (window.alwaysOpen()) {
            tenant.put("window", "always open");
        } else {
            tenant.put("window", (window.isOpen() ? "open until " : "closed until ") + window.nextChange());
        }
        return tenant;
    }

    /** Every readiness check (token, intake, runs) with what it says. */
    public List<Check> checks() {
        List<Check> checks = new ArrayList<>();
        for (HealthCheck check : readiness) {
            HealthCheckResponse answer = check.call();
            checks.add(new Check(answer.getName(), answer.getStatus() == HealthCheckResponse.Status.UP,
                    answer.getData().map(Map::copyOf).orElse(Map.of())));
        }
        return checks;
    }

    private int perMinute() {
        return config.cxone().requestsPerMinute();
    }

    private Duration verifyDelay() {
        return config.verify().delay();
    }

    private boolean verify() {
        return config.verify().enabled();
    }
}
