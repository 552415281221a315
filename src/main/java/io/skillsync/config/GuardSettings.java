package io.skillsync.config;

import java.time.Duration;
import java.util.Map;

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

    /**
     * Share of a skill's active agents a full roster may leave out (each switched off): more reads as an export cut
     * short, and the file is held whatever the other limits, even with the guard off.
     */
    @WithDefault("0.5")
    double maxAbsentShare();

    /**
     * Staffing floors, by skill name: {@code skillsync.guard.floor.Tier_1_Support=200@5} keeps at least 200 active
     * agents at proficiency 5 or better ({@code =200}: at any level). A plan that would take a skill below its floor
     * is held, unless it leaves the skill no worse than it is.
     */
    Map<String, String> floor();

    /**
     * A floor for every skill a plan changes (with at least min-active-agents active agents): the share of its active
     * agents it must keep; 0 (the default) sets none beyond {@link #floor()}.
     */
    @WithDefault("0")
    double floorShare();

    /**
     * Share of a skill's active agents whose proficiency one file may lower by more than {@link #downgradeLevels()}
     * levels (a 1 made a 20 takes an expert off the calls that need one); 0 never holds a downgrade.
     */
    @WithDefault("0.2")
    double maxDowngradeShare();

    /** A downgrade weighed by {@link #maxDowngradeShare()} lowers a proficiency by more than this many levels. */
    @WithDefault("10")
    int downgradeLevels();

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
