package io.skillsync.health;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;

import io.skillsync.config.SkillSyncConfig;
import io.skillsync.config.Units;
import io.skillsync.run.RunStatus;

/**
 * The watchdog: alive means the run under way (if any) is moving. A run that has read no row and sent or
 * received no CXone request for {@code skillsync.health.stall-after} is stuck (a hung file read, a
 * connection that never answers): liveness goes DOWN, the orchestrator restarts the pod, and the file,
 * still in the inbox, runs again; its journal gives the stuck run its record.
 */
@Liveness
@ApplicationScoped
public class RunLiveness implements HealthCheck {

    private final Units units;

    private final RunStatus status;
    private final long stallAfterMillis;

    RunLiveness(Units units, RunStatus status, SkillSyncConfig config) {
        this.units = units;
        this.status = status;
        this.stallAfterMillis = config.health().stallAfter().toMillis();
    }

    @Override
    public HealthCheckResponse call() {
        return EachUnit.check(units, this::checkUnit);
    }

    private HealthCheckResponse checkUnit() {
        HealthCheckResponseBuilder check = HealthCheckResponse.named("skillsync-run-progress").up();
        long stalled = status.stalledMillis();
        if (stalled > stallAfterMillis) {
            check.down().withData("stalled", "the run of " + status.runningFile() + " has made no progress for "
                    + stalled / 1000 + " s (skillsync.health.stall-after)");
        }
        return check.build();
    }
}
