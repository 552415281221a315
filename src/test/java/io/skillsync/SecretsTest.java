package io.skillsync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import io.skillsync.cxone.TenantDirectory;
import io.skillsync.simulator.TenantSimulator;
import io.skillsync.support.Rosters;
import io.skillsync.support.Tenants;
import io.skillsync.support.profiles.Watched;

/**
 * A whole file at DEBUG, with a renewed token and a refused one: neither the client secret nor the
 * access key secret appears in any log line, audit or summary file, or exception message, in any encoding.
 */
@QuarkusTest
@TestProfile(Watched.class)
class SecretsTest {

    static final Path LOG = Watched.LOG;

    @Inject
    TenantSimulator tenant;
    @Inject
    TenantDirectory directory;

    @Test
    void noSecretLeavesTheProcessInAnyForm() throws IOException {
        Tenants.everyoneOnTier1(tenant, directory, 20);
        Drop.roster("secrets.csv", Rosters.everyoneGetsRetention(20));
        assertEquals(20, Drop.awaitRun("secrets.csv").path("counts").path("applied").asInt());

        tenant.revokeTokens();
        tenant.faults().refuseCredentials = true;
        Drop.roster("secrets-refused.csv", Rosters.everyoneGetsRetention(5));
        JsonNode refused = Drop.awaitRun("secrets-refused.csv");
        assertEquals("stopped", refused.path("result").asText());
        tenant.faults().refuseCredentials = false;
        Drop.awaitRun("secrets-refused.csv", refused.path("runId").asText());

        String log = Files.readString(LOG);
        assertTrue(log.contains(" DEBUG "), "the log really is at DEBUG");
        assertTrue(log.contains("refused the password grant"), "the refusal is in the log");
        for (String secret : List.of("dev-client-secret", "dev-access-key-secret")) {
            for (String form : forms(secret)) {
                assertFalse(log.contains(form), "the log holds a secret as " + form);
                try (var files = Drop.walk(Drop.WORK)) {
                    for (Path file : files.filter(Files::isRegularFile).toList()) {
                        assertFalse(Files.readString(file).contains(form), file + " holds a secret as " + form);
                    }
                }
            }
        }
    }

    /** The secret as it is, URL-encoded (the token form) and inside the Basic header. */
    static List<String> forms(String secret) {
        String basic = Base64.getEncoder().encodeToString(("skillsync-dev:" + secret).getBytes(StandardCharsets.UTF_8));
        return List.of(secret, URLEncoder.encode(secret, StandardCharsets.UTF_8), basic);
    }
}
