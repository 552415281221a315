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

import jakarta.inject.Inject;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import io.skillsync.cxone.TenantDirectory;
import io.skillsync.simulator.TenantSimulator;
import io.skillsync.support.Rosters;
import io.skillsync.support.Tenants;
import io.skillsync.support.profiles.SftpPasswordAtDebug;

/**
 * The SFTP password (from a mounted file) and a key passphrase, at DEBUG: neither appears in the log, the
 * start-up summary included, in any form (before: the passphrase at INFO, both at DEBUG).
 */
@QuarkusTest
@QuarkusTestResource(value = SftpServer.class, restrictToAnnotatedClass = true)
@TestProfile(SftpPasswordAtDebug.class)
class SftpSecretsTest {

    static final Path LOG = SftpPasswordAtDebug.LOG;
    static final String PASSPHRASE = SftpPasswordAtDebug.PASSPHRASE;

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
