package io.skillsync.config;

import io.smallrye.config.WithDefault;

/** skillsync.sync.*: how a run settles what others changed in CXone since SkillSync set it (operations.md, "Drift"). */
public interface SyncSettings {

    /** What a row does when CXone holds its assignment otherwise than SkillSync last set it. */
    enum OnDrift {
        /** The roster is the truth: the row is written as usual, the drift recorded. */
        OVERWRITE,
        /** The other party's change stands: the row ends unchanged, its detail naming the drift. */
        KEEP
    }

    /**
     * {@code overwrite} or {@code keep}; the mapping converts the value at start-up, so any other value stops the
     * start with the setting's name rather than surfacing in the first run that meets drift.
     */
    @WithDefault("overwrite")
    OnDrift onDrift();
}
