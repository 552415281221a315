package io.skillsync.health;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import io.skillsync.config.SkillSyncConfig;
import io.skillsync.config.Units;
import io.skillsync.config.WorkFolders;
import io.skillsync.run.RunStatus;

/**
 * Ready means a roster dropped now would run to the end: the work dir takes files, and the last run did
 * not stop (credentials refused, a permission missing, CXone down, record not writable). The reason is in
 * the check's data, so an operator reads it at {@code /q/health/ready}.
 */
@Readiness
@ApplicationScoped
public class RunReadiness implements HealthCheck {

    private final Units units;

    /** The current unit's settings, read at each call. */
    private final SkillSyncConfig config;

    private final RunStatus status;

    RunReadiness(Units units, SkillSyncConfig config, RunStatus status) {
        this.units = units;
        this.config = config;
        this.status = status;
    }

    @Override
    public HealthCheckResponse call() {
        return EachUnit.check(units, this::checkUnit);
    }

    private HealthCheckResponse checkUnit() {
        HealthCheckResponseBuilder check = HealthCheckResponse.named("skillsync-runs").up()
                .withData("workDir", workDir().toAbsolutePath().toString());
        String unwritable = unwritable();
        if (unwritable != null) {
            check.down().withData("workDirProblem", unwritable);
        }
        String stopped = status.stoppedBecause();
        if (stopped != null) {
            check.down().withData("lastRunStopped", stopped);
        }
        if (status.lastComplete() != null) {
            check.withData("lastCompleteRun", status.lastComplete().toString());
        }
        return check.build();
    }

    /** Each folder the service writes must take a new file; null when they all do. */
    private String unwritable() {
        for (String folder : new String[] { WorkFolders.INBOX, WorkFolders.PROCESSED, WorkFolders.ERROR, WorkFolders.AUDIT }) {
            Path dir = workDir().resolve(folder);
            try {
                Files.createDirectories(dir);
                Files.deleteIfExists(Files.createTempFile(dir, ".ready", ".probe"));
            } catch (IOException | RuntimeException e) {
                return folder + "/ is not writable: " + e;
            }
        }
        return null;
    }

    private Path workDir() {
        return Path.of(config.workDir());
    }
}
