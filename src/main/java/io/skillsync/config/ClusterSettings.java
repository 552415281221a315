package io.skillsync.config;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.WithDefault;

/**
 * Of several replicas, one takes files: the leader. {@code kubernetes}: a Lease in the pod's namespace;
 * {@code file}: a lock file in {@code <work-dir>/.cluster} (a VM, or two processes on one host; the
 * volume must honour POSIX locks); {@code none}: one process, always the leader.
 */
public interface ClusterSettings {
    @WithDefault("file")
    ClusterServiceKind service();

    /** ms between a standby's tries for the lock file ({@code file}); bounds how long a takeover takes. */
    @WithDefault("5000")
    long acquireLockInterval();

    Kubernetes kubernetes();

    /** The Lease: client-go's leader election (the Kubernetes client's LeaderElector). */
    interface Kubernetes {
        /** The pod's namespace (downward API); the client's own namespace when unset. */
        Optional<String> namespace();

        /** This replica's identity in the Lease (downward API: the pod name); HOSTNAME when unset. */
        Optional<String> podName();

        @WithDefault("skillsync")
        String leaseName();

        /** A standby takes the Lease when its holder has not renewed it for this long. */
        @WithDefault("15s")
        Duration leaseDuration();

        /** The leader stops taking files and writing when it could not renew for this long (< lease-duration). */
        @WithDefault("10s")
        Duration renewDeadline();

        /** How often the Lease is renewed, and a standby looks at it. */
        @WithDefault("2s")
        Duration retryPeriod();

        /**
         * With several units (cluster namespaces), their leaders spread over the replicas (each leads about its
         * share) rather than the first started leading them all. No effect with one namespace.
         */
        @WithDefault("true")
        boolean spread();
    }

    enum ClusterServiceKind {
        kubernetes, file, none
    }
}
