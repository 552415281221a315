package io.skillsync.config;

import java.time.Duration;

import io.smallrye.config.WithDefault;

/** The console's sign-in (skillsync.console.*) and the operations API's transport (skillsync.ops.*). */
public interface ConsoleSettings {

    SignIn signIn();

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
