package io.skillsync.config;

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

    /** skillsync.notify.* (notify() is taken by Object) */
    @io.smallrye.config.WithName("notify")
    Notify notifications();

    /** Who hears of a run that needs a person: held, stopped, or with rejected or failed rows. */
    interface Notify {
        /** E-mail addresses (Quarkus mailer: quarkus.mailer.*); none, the default, sends no mail. */
        Optional<java.util.List<String>> mailTo();
    }

    Window window();

    Cluster cluster();

    /**
     * Of several replicas, one takes files: the leader. {@code kubernetes}: a Lease in the pod's namespace;
     * {@code file}: a lock file in {@code <work-dir>/.cluster} (a VM, or two processes on one host; the
     * volume must honour POSIX locks); {@code none}: one process, always the leader.
     */
    interface Cluster {
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
        }
    }

    enum ClusterServiceKind {
        kubernetes, file, none
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

        /** The remote folder each run of a file from SFTP reports back into: a result file, and the error file if any. */
        @WithDefault("results")
        String resultsDir();

        /** Where a downloaded file goes on the server, relative to remote-dir; never deleted. */
        @WithDefault("processed")
        String processedDir();

        /** Private key (preferred), mounted from a secret. */
        Optional<String> privateKeyFile();

        /** The key's passphrase (prefer {@link #privateKeyPassphraseFile()}); read in Java, never put in a URI. */
        Optional<String> privateKeyPassphrase();

        /** A file holding the key's passphrase, e.g. mounted from a Kubernetes secret. */
        Optional<String> privateKeyPassphraseFile();

        /** Password, when no key is used (prefer {@link #passwordFile()}); read in Java, never put in a URI. */
        Optional<String> password();

        /** A file holding the password, e.g. mounted from a Kubernetes secret. */
        Optional<String> passwordFile();

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
    interface Health {
        /**
         * Liveness is DOWN when the run under way has read no row and sent or received no request for this
         * long (a hung read of the file or of CXone): the orchestrator restarts the pod, and the file runs again.
         */
        @WithDefault("10m")
        Duration stallAfter();

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

        /**
         * Share of a skill's active agents that may be deactivated within {@link #period()}, by one file or
         * by several together.
         */
        @WithDefault("0.10")
        double maxDeactivationShare();

        /** How far back deactivations applied by earlier runs count against the limits. */
        @WithDefault("24h")
        Duration period();

        /**
         * Share of a skill's current holders one file may add as new holders (skills with at least
         * min-active-agents holders); 0 (the default) never holds an add: nightly files add thousands.
         */
        @WithDefault("0")
        double maxAddShare();

        /** The share applies to skills with at least this many active agents. */
        @WithDefault("20")
        int minActiveAgents();

        /** Deactivations in all, whatever the skills, within {@link #period()}. */
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

        /**
         * A file whose last line has no line end is taken only once it has not changed for this long: a
         * writer pausing mid-line ("15" written as "1", then "5") must not be read half-way.
         */
        @WithDefault("60s")
        Duration unterminatedWait();

        /**
         * How often the intake, closed at start-up, asks for a CXone token until the credentials have worked
         * once: until then no file is taken and no cluster leadership is sought.
         */
        @WithDefault("30s")
        Duration credentialsCheck();

        /** A roster larger than this (bytes) is refused whole, unread: a runaway export must not exhaust the heap. */
        @WithDefault("268435456")
        long maxFileSize();

        /** The most characters one record (a row, quoted line breaks included) may have: 4 Mi, 8 MB of heap. */
        @WithDefault("4194304")
        int maxRecordLength();

        /** The most data rows one roster may have. */
        @WithDefault("2000000")
        int maxRows();
    }

    interface Simulator {
        @WithDefault("false")
        boolean enabled();

        /** The dialects the simulated tenant speaks (e.g. {@code no-total-records,skip-ignored}); none by default. */
        Optional<java.util.List<String>> dialects();

        /** The tenantId the simulated tenant's id_token carries (for discovery). */
        @WithDefault("sim-tenant-0001")
        String tenantId();

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
        /**
         * Base URL up to and including /inContactAPI/services/v30.0. Unset: discovered from the id_token's
         * tenantId through {@link #discoveryUrl()} (cxone-api.md, Authentication).
         */
        Optional<String> apiUrl();

        /** NICE's token endpoint (FedRAMP: https://cxone-gov.niceincontact.com/auth/token). */
        @WithDefault("https://cxone.niceincontact.com/auth/token")
        String tokenUrl();

        /** Where {@code /.well-known/cxone-configuration?tenantId=} is asked when api-url is unset. */
        @WithDefault("https://cxone.niceincontact.com")
        String discoveryUrl();

        /** Appended to the discovered {@code api_endpoint}, which is a host only. */
        @WithDefault("/inContactAPI/services/v30.0")
        String apiPath();

        Optional<String> clientId();

        Optional<String> clientSecret();

        /**
         * {@code password} (NICE's published grant for back-end apps, with the API user's access key) or
         * {@code client_credentials} (not published by NICE: for gateways and tests, chosen explicitly).
         */
        @WithDefault("password")
        String grant();

        /** How the OAuth client authenticates: {@code basic} (Authorization header) or {@code post} (form fields). */
        @WithDefault("basic")
        String clientAuth();

        /** The API user's access key: username and password of the password grant. */
        Optional<String> accessKeyId();

        Optional<String> accessKeySecret();

        /**
         * {@code per-skill} (POST/PUT /skills/{id}/agents), {@code bulk} (NICE's POST /agents/skills with
         * agentAndSkillDetails, settled by read-back), or {@code bulk-put} (the runbook's PUT /agents/skills
         * with agentSkillAssignments: only for a tenant known to accept it).
         */
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

        /**
         * The longest Retry-After SkillSync honours; a 429 asking for longer is taken as CXone being
         * unavailable (the batch fails, the circuit counts it) rather than stalling every request for it.
         */
        @WithDefault("120s")
        Duration retryAfterCap();

        /** Plain http:// for the API, token and discovery URLs: only for the simulator and tests. */
        @WithDefault("false")
        boolean allowHttp();

        Reads reads();

        /**
         * What the reads send and expect where NICE is silent (cxone-api.md, Reads). The conformance probe
         * says which values a tenant needs.
         */
        interface Reads {
            /** Extra query parameters of {@code GET /agents}, e.g. {@code isActive=true}. */
            Optional<String> agentsQuery();

            /** Extra query parameters of {@code GET /skills}. */
            Optional<String> skillsQuery();

            /**
             * Extra query parameters of every assignment read ({@code GET /agents/skills},
             * {@code GET /agents/{id}/skills}), e.g. {@code isAgentActive=true}.
             */
            Optional<String> assignmentsQuery();

            /**
             * {@code returned}: one read returns active and inactive assignments alike. {@code by-flag}: the
             * tenant returns inactive ones only when asked, so each assignment read is made twice, with
             * {@code isActive=true} and {@code isActive=false}.
             */
            @WithDefault("returned")
            String inactiveAssignments();

            /**
             * Read an assignment's current state per skill ({@code GET /skills/{skillId}/agents}) when that
             * costs fewer requests than per agent or tenant-wide; false for a tenant that does not serve it.
             */
            @WithDefault("true")
            boolean perSkill();

            /** How long the kept agent list serves before CXone is asked what changed ({@code updatedSince}). */
            @WithDefault("15m")
            java.time.Duration agentsRefresh();

            /** The agent and skill lists are read whole when older than this (and on the first start); 0s: always. */
            @WithDefault("24h")
            java.time.Duration fullRefresh();
        }

        Split split();

        /** A write CXone refused as a whole (400) is split to isolate the items it refused. */
        interface Split {
            /**
             * Requests splitting may spend on one planned batch: a 100-row batch with one bad item needs 14,
             * with three about 34; without a cap, 198.
             */
            @WithDefault("40")
            int maxRequests();
        }

        Correlation correlation();

        /** The request id SkillSync sends, and the headers CXone's own id may come back in. */
        interface Correlation {
            @WithDefault("X-Request-Id")
            String requestHeader();

            /** Looked for in this order; an echo of SkillSync's own id is not CXone's. */
            @WithDefault("CorrelationId,X-Request-Id")
            java.util.List<String> answerHeaders();
        }
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
