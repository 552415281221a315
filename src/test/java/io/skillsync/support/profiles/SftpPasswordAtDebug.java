package io.skillsync.support.profiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

import io.skillsync.SftpServer;
import io.skillsync.support.DebugLog;

/**
 * The SFTP login by a password from a mounted file, with a key passphrase set, and the whole log at DEBUG in
 * {@link #LOG} (SftpSecretsTest, with the SFTP server it starts for its class alone, so its own start in any
 * case). The password is the embedded server's ({@link SftpServer#PASSWORD}).
 */
public class SftpPasswordAtDebug implements QuarkusTestProfile {

    public static final Path LOG = Path.of("target/sftp-secrets-test-debug.log");
    public static final Path PASSWORD_FILE = Path.of("target/sftp-password");
    public static final String PASSPHRASE = "Pass phrase=9&y%(";

    @Override
    public Map<String, String> getConfigOverrides() {
        try {
            Files.writeString(PASSWORD_FILE, SftpServer.PASSWORD + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> config = new HashMap<>(DebugLog.to(LOG));
        config.putAll(Map.of("skillsync.sftp.private-key-file", "", "skillsync.sftp.password-file", PASSWORD_FILE.toString(),
                "skillsync.sftp.private-key-passphrase", PASSPHRASE));
        return config;
    }
}
