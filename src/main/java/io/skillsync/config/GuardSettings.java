package io.skillsync.config;

import java.time.Duration;

import io.smallrye.config.WithDefault;

/** The blast-radius limits a file's plan is weighed against before anything is written. */
public interface GuardSettings {
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

    /** An operator's release of a held file lets its content pass once within this long; after it, it is held again. */
    @WithDefault("24h")
    Duration releaseValidFor();

    /**
     * The two-person rule: a held file is released only when a second operator releases it after a first one
     * asked to (each within {@link #releaseValidFor()}), and a preview is applied only by another operator
     * than the one who made it. Off by default: a small team may have one operator on duty at night.
     */
    @WithDefault("false")
    boolean releaseBySecondOperator();
}
