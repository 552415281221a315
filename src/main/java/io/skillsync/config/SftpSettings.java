package io.skillsync.config;

import java.util.Optional;

import io.smallrye.config.WithDefault;

/** The nightly SFTP drop: downloaded into inbox/, then moved to a remote folder. Off by default. */
public interface SftpSettings {
    @WithDefault("false")
    boolean enabled();

    @WithDefault("localhost")
    String host();

    @WithDefault("22")
    int port();

    @WithDefault("skillsync")
    String username();

    /** The remote folder HR's HRIS drops rosters into. */
    @WithDefault("outbox")
    String remoteDir();

    /** The remote folder each run of a file from SFTP reports back into: a result file, and the error file if any. */
    @WithDefault("results")
    String resultsDir();

    /** HR's preview folder, beside the drop: a file there runs as a dry run and its plan comes back to resultsDir. */
    @WithDefault("preview")
    String previewDir();

    /** Where a downloaded file goes on the server, relative to remote-dir; never deleted. */
    @WithDefault("processed")
    String processedDir();

    /** Private key (preferred), mounted from a secret. */
    Optional<String> privateKeyFile();

    /** The key's passphrase (prefer {@link #privateKeyPassphraseFile()}); read in Java, never put in a URI. */
    Optional<String> privateKeyPassphrase();

    /** A file holding the key's passphrase, e.g. mounted from a Kubernetes secret. */
    Optional<String> privateKeyPassphraseFile();

    /** Password, when no key is used (prefer {@link #passwordFile()}); read in Java, never put in a URI. */
    Optional<String> password();

    /** A file holding the password, e.g. mounted from a Kubernetes secret. */
    Optional<String> passwordFile();

    /** Host keys the server must present; verification is never switched off by default. */
    @WithDefault("known_hosts")
    String knownHostsFile();

    @WithDefault("yes")
    String strictHostKeyChecking();

    /** ms between looks at the remote folder. */
    @WithDefault("60000")
    long pollDelay();

    /** A remote file is taken once its size and time did not change over this long, in ms. */
    @WithDefault("5000")
    long settleCheck();
}
