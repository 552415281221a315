package io.skillsync.sync;

/**
 * The run stops as planned, not for a fault (the maintenance window closed, the service is shutting down,
 * another replica leads): readiness stays UP and the file runs again when it may. Thrown by the route
 * (write-batch's gate) with the reason as its message.
 */
public class RunPausedException extends RunStoppedException {

    public RunPausedException(String reason) {
        super(reason, true);
    }
}
