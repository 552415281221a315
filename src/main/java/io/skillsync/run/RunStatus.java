package io.skillsync.run;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

/** How the last run ended, for health checks and metrics: operators see a stopped run without reading logs. */
@ApplicationScoped
public class RunStatus {

    private volatile String stoppedBecause;
    private volatile Instant lastComplete;
    private volatile Instant lastStopped;

    void completed(Run run) {
        stoppedBecause = null;
        lastComplete = Instant.now();
    }

    void stopped(Run run) {
        stoppedBecause = run.fileName() + ": " + run.stopped();
        lastStopped = Instant.now();
    }

    /** Why the last run stopped, or null when the last run was complete (or none ran yet). */
    public String stoppedBecause() {
        return stoppedBecause;
    }

    public Instant lastComplete() {
        return lastComplete;
    }

    public Instant lastStopped() {
        return lastStopped;
    }
}
