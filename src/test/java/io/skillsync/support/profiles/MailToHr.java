package io.skillsync.support.profiles;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * Each run's result mailed to HR and WFM (SftpIntakeTest, with the SFTP server it starts for its class alone,
 * so its own start in any case).
 */
public class MailToHr implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("skillsync.notify.mail-to", "hr-ops@example.com,wfm@example.com");
    }
}
