package io.skillsync.config;

/**
 * One business unit of the deployment (operations.md, "Several business units"): its name and its settings,
 * each key its own under {@code skillsync.unit.<name>.} or the top level's. A deployment without
 * {@code skillsync.units} is one unit with no name, whose routes, folders, lease and metrics are named as they
 * always were.
 */
public record Unit(String name, SkillSyncConfig settings) {

    /** The unit of a deployment that names none. */
    public static final String UNNAMED = "";

    public boolean named() {
        return !name.isEmpty();
    }

    /** Appended to the unit's route ids and endpoints ({@code roster-intake.east}); none for the unnamed unit. */
    public String suffix() {
        return named() ? "." + name : "";
    }

    /** The cluster namespace of the unit's {@code master:} endpoints, so each unit has its own leader. */
    public String clusterNamespace() {
        return named() ? "skillsync-" + name : "skillsync";
    }

    /** How the console, /ops and the logs call it. */
    public String label() {
        return named() ? name : "default";
    }

    /** A unit is its name: the key of what beans keep per unit, looked up on every call (the settings never hashed). */
    @Override
    public boolean equals(Object other) {
        return other instanceof Unit unit && unit.name.equals(name);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    @Override
    public String toString() {
        return label();
    }
}
