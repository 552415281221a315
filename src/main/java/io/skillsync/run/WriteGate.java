package io.skillsync.run;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import org.apache.camel.CamelContext;

import io.skillsync.cluster.Leadership;
import io.skillsync.intake.MaintenanceWindow;

/**
 * Whether the next batch may be written (route {@code write-batch}, step {@code may-write}): not while the
 * service shuts down, outside the maintenance window, or once this replica no longer leads. The route
 * stops the run with the reason; the file runs again when it may.
 */
@ApplicationScoped
@Named("writeGate")
public class WriteGate {

    private final CamelContext camel;
    private final MaintenanceWindow window;
    private final Leadership leadership;

    WriteGate(CamelContext camel, MaintenanceWindow window, Leadership leadership) {
        this.camel = camel;
        this.window = window;
        this.leadership = leadership;
    }

    /** Why no batch may be written now, or null when it may. */
    public String closedBecause() {
        if (camel.isStopping()) {
            // SIGTERM: the request under way has finished; the rest of the file runs again after the restart
            return "the service is shutting down";
        }
        if (!window.isOpen()) {
            // the batch before this one was the last of tonight's window; the rest runs in the next one
            return "the maintenance window closed; the rest of the file runs when it opens again";
        }
        if (!leadership.held()) {
            // the Lease was not renewed in time: a standby may lead by now, and two replicas never write at once
            return "this replica no longer holds the cluster Lease; the replica that leads runs the file";
        }
        return null;
    }
}
