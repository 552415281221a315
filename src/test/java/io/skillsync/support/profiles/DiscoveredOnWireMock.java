package io.skillsync.support.profiles;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * No API URL: it is discovered from the id_token, with client_credentials and the secret in the form
 * (DiscoveryWireFormatTest, against WireMock, nothing read back). Its own start in any case: the test's
 * WireMock is restricted to its class.
 */
public class DiscoveredOnWireMock implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("skillsync.cxone.api-url", "", "skillsync.cxone.grant", "client_credentials",
                "skillsync.cxone.client-auth", "post", "skillsync.verify.enabled", "false");
    }
}
