package io.skillsync.health;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import io.skillsync.config.SkillSyncConfig;
import io.skillsync.config.Units;
import io.skillsync.intake.MaintenanceWindow;
import io.skillsync.intake.SftpIntake;

/**
 * How files come in: the SFTP intake (DOWN with the reason of its last failed poll: server down, key or
 * password refused, unknown host key) and the maintenance window (open or closed, and until when: a
 * closed window is no fault, files simply wait).
 */
@Readiness
@ApplicationScoped
public class IntakeReadiness implements HealthCheck {

    private final Units units;

    /** The current unit's settings, read at each call. */
    private final SkillSyncConfig config;

    private final SftpIntake sftp;
    private final MaintenanceWindow window;
    private final io.skillsync.intake.IntakeOpening opening;
    private final io.skillsync.cluster.Leadership leadership;

    IntakeReadiness(Units units, SftpIntake sftp, MaintenanceWindow window, SkillSyncConfig config,
            io.skillsync.intake.IntakeOpening opening, io.skillsync.cluster.Leadership leadership) {
        this.units = units;
        this.config = config;
        this.leadership = leadership;
        this.sftp = sftp;
        this.window = window;
        this.opening = opening;
    }

    @Override
    public HealthCheckResponse call() {
        return EachUnit.check(units, this::checkUnit);
    }

    private HealthCheckResponse checkUnit() {
        HealthCheckResponseBuilder check = HealthCheckResponse.named("intake").up();
        String closed = opening.waitingFor();
        if (closed != null) {
            check.down().withData("closed", "the intake stays closed " + closed);
        }
        // which replica works: a standby is as ready as the leader (it takes over without a restart)
        check.withData("cluster", leadership.kind() + ": " + (leadership.leads() ? "leader, takes files" : "standby"));
        if (window.alwaysOpen()) {
            check.withData("window", "always open");
        } else {
            check.withData("window", (window.isOpen() ? "open until " : "closed until ") + window.nextChange());
        }
        if (sftpEnabled()) {
            String problem = sftp.problem();
            if (problem != null) {
                check.down().withData("sftp", problem);
            } else {
                check.withData("sftp", sftp.lastGoodPoll() == null ? "not polled yet" : "last good poll " + sftp.lastGoodPoll());
            }
        } else {
            check.withData("sftp", "off");
        }
        return check.build();
    }

    private boolean sftpEnabled() {
        return config.sftp().enabled();
    }
}
