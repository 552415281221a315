package io.skillsync.config;

import java.time.Duration;

import io.smallrye.config.WithDefault;

/** The operators' console ({@code skillsync.console.*}). */
public interface ConsoleSettings {

    Previews previews();

    /**
     * Previews of rosters: each keeps a copy of its roster on disk and queues a dry run in the inbox, so
     * there are only so many at once, and none is kept for ever.
     */
    interface Previews {
        /** Previews open at once (neither applied nor discarded); a new one is refused until one is. */
        @WithDefault("5")
        int maxOpen();

        /** A preview older than this is removed, with its files, at the next look at the previews. */
        @WithDefault("7d")
        Duration keep();
    }
}
