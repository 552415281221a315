package io.skillsync.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import org.jboss.logging.Logger;

import io.skillsync.config.PerUnit;
import io.skillsync.config.SkillSyncConfig;
import io.skillsync.config.Unit;
import io.skillsync.config.Units;
import io.skillsync.config.WorkFolders;
import io.skillsync.cxone.CxoneClient;
import io.skillsync.record.RunRecords;
import io.skillsync.sync.Outcome;
import io.skillsync.sync.RunResult;

/**
 * How runs go, for operators: health checks read it, and it feeds the metrics {@code skillsync_runs_total{result}},
 * {@code skillsync_rows_total{outcome}}, {@code skillsync_run_rows} / {@code skillsync_run_rows_done} (the run
 * under way), {@code skillsync_last_success_timestamp_seconds}, {@code skillsync_files_waiting{folder}} and
 * {@code skillsync_cxone_circuit_open}; {@code skillsync_drift_total} is counted by {@link DriftCheck}, registered here.
 * The last success is read back from the audit folder at start-up,
 * so a restart does not look like a missed night.
 */
@ApplicationScoped
public class RunStatus {

    /** The current unit's settings, read at each call. */
    private final SkillSyncConfig config;

    private static final Logger LOG = Logger.getLogger(RunStatus.class);

    private final Units units;
    private final io.skillsync.cluster.Leadership leadership;
    private final MeterRegistry metrics;
    private final ObjectMapper json;
    private final RunRecords records;
    private final CircuitBreakerMaintenance circuits;
    /** What this bean keeps of one unit's tenant, for each unit ({@link PerUnit}). */
    private final PerUnit<Now> state = new PerUnit<>(unit -> new Now());

    RunStatus(Units units, io.skillsync.cluster.Leadership leadership, MeterRegistry metrics, SkillSyncConfig config, ObjectMapper json, CircuitBreakerMaintenance circuits,
            io.skillsync.cxone.CxoneTraffic traffic, RunRecords records) {
        this.config = config;
        this.units = units;
        this.leadership = leadership;
        this.records = records;
        // every request sent or answered is progress of the run under way
        traffic.onProgress(this::progressed);
        this.metrics = metrics;
        this.json = json;
        this.circuits = circuits;
    }

    void register(@Observes StartupEvent start) {
        // a unit's leadership is not given to another replica while its run is under way
        leadership.busyWhen(namespace -> units.all().stream()
                .anyMatch(unit -> unit.clusterNamespace().equals(namespace) && state.of(unit).current != null));
        for (Unit unit : units.all()) {
            Units.run(unit, () -> register(unit, Units.tags(unit)));
        }
    }

    /** The unit's gauges, and its counters from 0, each with the unit's label. */
    private void register(Unit unit, Tags tags) {
        Now kept = state.of(unit);
        Gauge.builder("skillsync.run.rows", this, s -> s.rowsOf(kept.current))
                .tags(tags).description("rows of the run under way (0 when idle)").register(metrics);
        Gauge.builder("skillsync.run.rows.done", this, s -> s.settledOf(kept.current))
                .tags(tags).description("rows of the run under way that have their outcome").register(metrics);
        Gauge.builder("skillsync.last.success.timestamp", this,
                s -> kept.lastComplete == null ? 0 : kept.lastComplete.getEpochSecond())
                .tags(tags).baseUnit("seconds").description("when the last run completed (epoch seconds)").register(metrics);
        // every known label value exists from the start at 0, so increase() sees the first failure after a restart
        for (RunResult result : RunResult.values()) {
            metrics.counter("skillsync.runs", tags.and("result", result.label()));
        }
        for (Outcome outcome : Outcome.values()) {
            metrics.counter("skillsync.rows", tags.and("outcome", outcome.label()));
        }
        // drift met by the runs (DriftCheck), from 0 at the start like the counters above
        io.micrometer.core.instrument.Counter.builder(DriftCheck.METRIC).tags(tags)
                .description("assignments runs found CXone holding otherwise than SkillSync last set them").register(metrics);
        for (String folder : List.of(WorkFolders.INBOX, WorkFolders.ERROR, WorkFolders.HOLD)) {
            Gauge.builder("skillsync.files.waiting", this, s -> Units.in(unit, () -> s.waiting(folder))).tags(tags)
                    .tag("folder", folder).description("roster files waiting in the folder").register(metrics);
        }
        Gauge.builder("skillsync.cxone.circuit.open", this, s -> Units.in(unit, () -> s.circuitOpen() ? 1 : 0))
                .tags(tags).description("1 while no request is sent to CXone after five failed in a row").register(metrics);
        kept.lastComplete = lastCompleteInAudit();
    }

    private double rowsOf(Run run) {
        return run == null ? 0 : run.rows().size();
    }

    private double settledOf(Run run) {
        return run == null ? 0 : run.rows().settled();
    }

    public void started(Run run) {
        state.get().current = run;
        progressed();
    }

    /** The run under way did something: a row read, a request sent or answered (the watchdog's heartbeat). */
    public void progressed() {
        state.get().lastProgress = System.currentTimeMillis();
    }

    /** How long the run under way has gone without progress, in ms; 0 when no run is under way. */
    public long stalledMillis() {
        Now kept = state.get();
        return kept.current == null ? 0 : System.currentTimeMillis() - kept.lastProgress;
    }

    /** The run under way, or null (read from other threads: what it shows is a moment's view). */
    public Run current() {
        return state.get().current;
    }

    /** The file of the run under way, or null. */
    public String runningFile() {
        Run run = state.get().current;
        return run == null ? null : run.fileName();
    }

    /** A run ended with {@code ending}. */
    void ended(Run run, RunResult ending) {
        Now kept = state.get();
        kept.current = null;
        // a run the window's end (or a shutdown) stopped is paused, not stopped: it goes on by itself, nothing is wrong
        RunResult result = ending == RunResult.STOPPED && run.isStoppedAsPlanned() ? RunResult.PAUSED : ending;
        metrics.counter("skillsync.runs", Units.tags().and("result", result.label())).increment();
        run.rows().counts().forEach((outcome, n) -> {
            if (n > 0) {
                metrics.counter("skillsync.rows", Units.tags().and("outcome", outcome.label())).increment(n);
            }
        });
        if (result == RunResult.PAUSED) {
            // the window closed (or a shutdown): the file runs in the next window; the pod is as ready as ever
            kept.stoppedBecause = null;
        } else if (result == RunResult.STOPPED || result == RunResult.UNWRITABLE) {
            kept.stoppedBecause = run.fileName() + ": " + run.stopped();
        } else {
            kept.stoppedBecause = null;
            if (result != RunResult.UNREADABLE && result != RunResult.FAILED) {
                kept.lastComplete = Instant.now();
            }
        }
    }

    /** Why the last run stopped, or null when the last run was complete (or none ran yet). */
    public String stoppedBecause() {
        return state.get().stoppedBecause;
    }

    public Instant lastComplete() {
        return state.get().lastComplete;
    }

    public boolean circuitOpen() {
        try {
            return circuits.currentState(CxoneClient.circuitOf(Units.now())) == CircuitBreakerState.OPEN;
        } catch (IllegalArgumentException notMadeYet) {
            // a unit's breaker is made with its first request to CXone: none sent yet, none open
            return false;
        }
    }

    private double waiting(String folder) {
        try (Stream<Path> files = Files.list(workDir().resolve(folder))) {
            // regular files only: a folder or a link named x.csv is no roster waiting (the sweep sets it aside)
            return files.filter(f -> f.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".csv"))
                    .filter(f -> Files.isRegularFile(f, java.nio.file.LinkOption.NOFOLLOW_LINKS)).count();
        } catch (IOException e) {
            return 0;
        }
    }

    private Instant lastCompleteInAudit() {
        try {
            for (Path summary : records.summaries()) {
                JsonNode run = json.readTree(summary.toFile());
                if (run.path("result").asText().equals(RunResult.COMPLETE.label())) {
                    return Instant.parse(run.path("finished").asText());
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.warnf("could not read the last complete run from the audit: %s", e.toString());
        }
        return null;
    }

    private static final class Now {
        volatile Run current;
        volatile long lastProgress = System.currentTimeMillis();
        volatile String stoppedBecause;
        volatile Instant lastComplete;
    }

    private Path workDir() {
        return Path.of(config.workDir());
    }
}
