package io.skillsync.config;

import java.time.Duration;

import io.smallrye.config.WithDefault;

/** The operators' console ({@code skillsync.console.*}: sign-in, previews) and the operations API's transport (skillsync.ops.*). */
public interface ConsoleSettings {

    SignIn signIn();

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

    /**
     * Failed sign-ins, counted per user and per client address over {@link #lockout()}: once a user or an
     * address has {@link #maxFailures()} of them, its sign-ins are refused, the right password too, until the
     * oldest of them is {@link #lockout()} old. Guessing then takes years, not seconds.
     */
    interface SignIn {
        @WithDefault("5")
        int maxFailures();

        @WithDefault("15m")
        Duration lockout();
    }

    interface Ops {
        /**
         * Whether /ops takes requests over plain http from other hosts. Off: HTTP Basic sends the password
         * with every request, so it must cross the network inside TLS (in Quarkus, or at a proxy that says so
         * with X-Forwarded-Proto: https, trusted per quarkus.http.proxy.*). The loopback is always served
         * (kubectl port-forward arrives there, through the API server's TLS).
         */
        @WithDefault("false")
        boolean allowPlainHttp();
    }
}
