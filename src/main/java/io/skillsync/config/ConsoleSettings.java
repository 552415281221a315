package io.skillsync.config;

import java.time.Duration;

import io.smallrye.config.WithDefault;

/** The console's sign-in (skillsync.console.*). */
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
}
