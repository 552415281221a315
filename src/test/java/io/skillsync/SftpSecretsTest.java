package io.skillsync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import io.skillsync.cxone.TenantDirectory;
import io.skillsync.simulator.TenantSimulator;
import io.skillsync.support.DebugLog;
import io.skillsync.support.Rosters;
import io.skillsync.support.Tenants;

/**
 * The SFTP password (from a mounted file) and a key passphrase, at DEBUG: neither appears in the log, the
 * start-up summary included, in any form (before: the passphrase at INFO, both at DEBUG).
 */
@QuarkusTest
@QuarkusTestResource(value = SftpServer.class, restrictToAnnotatedClass = true)
@TestProfile(SftpSecretsTest.PasswordAtDebug.class)
class SftpSecretsTest {

    static final Path LOG = Path.of("target/sftp-secrets-test-debug.log");
    static final Path PASSWORD_FILE = Path.of("target/sftp-password");
    static final String PASSPHRASE = "Pass phrase=9&y%(";

    public static class PasswordAtDebug implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            try {
                Files.writeString(PASSWORD_FILE, SftpServer.PASSWORD + "\n");
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            Map<String, String> config = new java.util.HashMap<>(DebugLog.to(LOG));
            config.putAll(Map.of("skillsync.sftp.private-key-file", "", "skillsync.sftp.password-file",
                    PASSWORD_FILE.toString(), "skillsync.sftp.private-key-passphrase", PASSPHRASE));
            return config;
        }
    }

    @Inject
    TenantSimulator tenant;
    @Inject
    TenantDirectory directory;

    @Test
    void thePasswordLogsInAndNoSftpSecretIsLogged() throws IOException {
        Tenants.everyoneOnTier1(tenant, directory, 5);
        SftpServer.upload("sftp-password.csv", Rosters.everyoneGetsRetention(5));
        assertEquals(5, Drop.awaitRun("sftp-password.csv").path("counts").path("applied").asInt(),
                "logged in with the password read from its file");

        String log = Files.readString(LOG);
        assertTrue(log.contains(" DEBUG "), "the log really is at DEBUG");
        assertTrue(log.contains("sftp"), "the SFTP endpoint was logged about");
        assertFalse(log.contains("Auto-configuration summary"), "Camel's start-up property summary is off");
        for (String secret : List.of(SftpServer.PASSWORD, PASSPHRASE)) {
            for (String form : List.of(secret, URLEncoder.encode(secret, StandardCharsets.UTF_8),
                    URLEncoder.encode(secret, StandardCharsets.UTF_8).replace("+", "%20"))) {
                assertFalse(log.contains(form), "the log holds an SFTP secret as " + form);
            }
        }
    }
}
