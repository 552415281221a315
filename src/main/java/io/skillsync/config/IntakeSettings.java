package io.skillsync.config;

import java.time.Duration;

import io.smallrye.config.WithDefault;

public interface IntakeSettings {
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

    /**
     * The most data rows one roster may have: a run holds its rows, about 211 MB a million (the benchmark), so
     * the default fits a 512 MB heap with room; raise it only with the heap.
     */
    @WithDefault("1000000")
    int maxRows();

    /**
     * The go-live gate: the intake opens on a tenant only once the conformance probe's read-only checks
     * have passed there with these settings (again after any change of its URLs, client, access key or
     * read and write settings). Off in the dev and test profiles, whose simulated tenant is known.
     */
    @WithDefault("true")
    boolean goLiveProbe();
}
