package io.skillsync;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Everything operations.md lets an operator configure; each key is also an environment variable. */
@ConfigMapping(prefix = "skillsync")
public interface SkillSyncConfig {

    /** Root of inbox/, processed/, error/, audit/ and hold/. */
    @WithDefault("data")
    String workDir();

    /** {@code apply} writes to CXone; {@code dry-run} plans, audits and reports only. */
    @WithDefault("apply")
    String mode();

    Cxone cxone();

    Proficiency proficiency();

    Intake intake();

    Guard guard();

    Verify verify();

    Progress progress();

    Health health();

    Ops ops();

    Window window();

    Cluster cluster();

    /** Of several replicas on one work dir, one takes files: the one holding the lock in {@code <work-dir>/.cluster}. */
    interface Cluster {
        /** ms between a standby's tries for the lock; bounds how long a takeover takes. */
        @WithDefault("5000")
        long acquireLockInterval();
    }

    Sftp sftp();

    /**
     * When files may reach CXone: from each firing of {@code cron} (Quartz syntax, in {@code time-zone})
     * for {@code duration}. No cron: always open.
     */
    interface Window {
        Optional<String> cron();

        @WithDefault("2h")
        Duration duration();

        /** Zone of the cron; the service's own when unset. */
        Optional<String> timeZone();
    }

    /** The nightly SFTP drop: downloaded into inbox/, then moved to a remote folder. Off by default. */
    interface Sftp {
        @WithDefault("false")
        boolean enabled();

        @WithDefault("localhost")
        String host();

        @WithDefault("22")
        int port();

        @WithDefault("skillsync")
        String username();

        /** The remote folder HR's HRIS drops rosters into. */
        @WithDefault("outbox")
        String remoteDir();

        /** Where a downloaded file goes on the server, relative to remote-dir; never deleted. */
        @WithDefault("processed")
        String processedDir();

        /** Private key (preferred), mounted from a secret. */
        Optional<String> privateKeyFile();

        Optional<String> privateKeyPassphrase();

        /** Password, when no key is used; from a secret. */
        Optional<String> password();

        /** Host keys the server must present; verification is never switched off by default. */
        @WithDefault("known_hosts")
        String knownHostsFile();

        @WithDefault("yes")
        String strictHostKeyChecking();

        /** ms between looks at the remote folder. */
        @WithDefault("60000")
        long pollDelay();

        /** A remote file is taken once its size and time did not change over this long, in ms. */
        @WithDefault("5000")
        long settleCheck();
    }

    /** The operations API at /ops: off unless users are configured (from a secret). */
    interface Ops {
        /** {@code name:password} pairs separated by commas; none (the default) turns the API off. */
        Optional<String> users();
    }

    interface Health {
        /** How often readiness asks the token endpoint itself when no run has needed a token lately. */
        @WithDefault("5m")
        Duration tokenCheckInterval();
    }

    interface Progress {
        /** The longest a long run goes without a progress line in the log. */
        @WithDefault("30s")
        Duration interval();
    }

    /** The blast-radius limits a file's plan is weighed against before anything is written. */
    interface Guard {
        @WithDefault("true")
        boolean enabled();

        /** Share of a skill's active agents one file may deactivate. */
        @WithDefault("0.10")
        double maxDeactivationShare();

        /** The share applies to skills with at least this many active agents. */
        @WithDefault("20")
        int minActiveAgents();

        /** Deactivations one file may make in all, whatever the skills. */
        @WithDefault("100")
        int maxDeactivations();
    }

    /** Reading back what was written: CXone sometimes answers 200 and keeps nothing. */
    interface Verify {
        @WithDefault("true")
        boolean enabled();

        /** How long after a write it is read back (changes reach CXone's routing 15-30 s later). */
        @WithDefault("20s")
        Duration delay();
    }

    /** The simulated tenant of dev mode and the tests; off unless enabled. */
    Simulator simulator();

    interface Intake {
        /** How often the inbox is looked at, in ms. */
        @WithDefault("1000")
        long pollDelay();

        /** A file is taken once its size and time did not change over this long, in ms. */
        @WithDefault("2000")
        long settleCheck();

        /** After a run stopped (credentials refused, CXone down), how long the inbox waits before trying again, in ms. */
        @WithDefault("300000")
        long pauseAfterStop();
    }

    interface Simulator {
        @WithDefault("false")
        boolean enabled();

        @WithDefault("3600s")
        Duration tokenLifetime();

        /** Requests the tenant admits per {@link #rateWindow()}, counted over a sliding window. */
        @WithDefault("200")
        int rateLimit();

        @WithDefault("60s")
        Duration rateWindow();

        /** The OAuth client and access key the simulated tenant accepts (dev and test values only). */
        Credentials credentials();

        interface Credentials {
            @WithDefault("skillsync-dev")
            String clientId();

            @WithDefault("dev-client-secret")
            String clientSecret();

            @WithDefault("dev-access-key")
            String accessKeyId();

            @WithDefault("dev-access-key-secret")
            String accessKeySecret();
        }
    }

    interface Cxone {
        /** Base URL up to and including /inContactAPI/services/v30.0. */
        String apiUrl();

        String tokenUrl();

        Optional<String> clientId();

        Optional<String> clientSecret();

        /** When set (with its secret), the password grant is used; otherwise client_credentials. */
        Optional<String> accessKeyId();

        Optional<String> accessKeySecret();

        /** {@code per-skill} (POST/PUT /skills/{id}/agents) or {@code bulk} (PUT /agents/skills). */
        @WithDefault("per-skill")
        String writeMode();

        /** The tenant's API limit; every request, read or write, counts. */
        @WithDefault("200")
        int requestsPerMinute();

        /** Assignments per write request, 1..100. */
        @WithDefault("100")
        int batchSize();

        /** Records per page of a paged read (CXone pages at most 100). */
        @WithDefault("100")
        int pageSize();

        /** ms to open a connection to CXone. */
        @WithDefault("10000")
        long connectTimeout();

        /** ms to wait for CXone's answer before the attempt counts as failed (and is retried). */
        @WithDefault("60000")
        long responseTimeout();

        Retry retry();

        /** Redelivery of a request CXone answered 429 or 5xx, or did not answer. */
        interface Retry {
            @WithDefault("6")
            int attempts();

            /** ms before the first retry; doubled for each next one, with jitter. */
            @WithDefault("1000")
            long firstDelay();

            @WithDefault("60000")
            long maxDelay();
        }

        /** A token is renewed once less than this share of its lifetime is left. */
        @WithDefault("0.2")
        double tokenRenewShare();
    }

    interface Proficiency {
        /** 1 is the highest proficiency in CXone. */
        @WithDefault("1")
        int min();

        @WithDefault("20")
        int max();
    }

    default boolean dryRun() {
        return "dry-run".equalsIgnoreCase(mode());
    }
}
