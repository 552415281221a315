package io.skillsync.config;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Everything operations.md lets an operator configure; each key is also an environment variable. */
@ConfigMapping(prefix = "skillsync")
public interface SkillSyncConfig {

    /**
     * The business units this deployment serves (operations.md, "Several business units"); none: one unit,
     * as before. Read through {@link Units}.
     */
    Optional<java.util.List<String>> units();

    /** Each unit's own keys, {@code skillsync.unit.<name>.<key>}, read through {@link Units}. */
    java.util.Map<String, java.util.Map<String, String>> unit();

    /** Root of inbox/, processed/, error/, audit/ and hold/ (a unit's: {@code <work-dir>/<unit>/}). */
    @WithDefault("data")
    String workDir();

    /**
     * The key that seals approvals and journal lines (HMAC-SHA256), from a secret, never on the work dir;
     * checked at start (RecordSeal).
     */
    Optional<String> sealKey();

    /**
     * {@code apply} writes to CXone; {@code dry-run} plans, audits and reports only. Any other value stops the start:
     * a misspelt dry run must never apply.
     */
    @WithDefault("apply")
    Mode mode();

    /** {@link #mode()}'s values, as the settings spell them ({@code apply}, {@code dry-run}). */
    enum Mode {
        APPLY, DRY_RUN
    }

    CxoneSettings cxone();

    Proficiency proficiency();

    IntakeSettings intake();

    RosterSettings roster();

    GuardSettings guard();

    /** skillsync.sync.*: drift, what others changed since SkillSync set it. */
    SyncSettings sync();

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

    ClusterSettings cluster();

    SftpSettings sftp();

    /** The console: skillsync.console.sign-in.*, skillsync.console.previews.* */
    ConsoleSettings console();

    /** The operations API: skillsync.ops.* */
    ConsoleSettings.Ops ops();

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

    /** What liveness and readiness weigh. */
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

    /** Reading back what was written: CXone sometimes answers 200 and keeps nothing. */
    interface Verify {
        @WithDefault("true")
        boolean enabled();

        /** How long after a write it is read back (changes reach CXone's routing 15-30 s later). */
        @WithDefault("20s")
        Duration delay();
    }

    /** The simulated tenant of dev mode and the tests; off unless enabled. */
    SimulatorSettings simulator();

    interface Proficiency {
        /** 1 is the highest proficiency in CXone. */
        @WithDefault("1")
        int min();

        @WithDefault("20")
        int max();
    }

    default boolean dryRun() {
        return mode() == Mode.DRY_RUN;
    }
}
