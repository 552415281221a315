package io.skillsync;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import io.skillsync.support.profiles.DiscoveredOnWireMock;

/**
 * No api-url: the API is discovered from the id_token's tenantId (cxone-api.md, Authentication). Also
 * the choices NICE leaves open, taken explicitly: client_credentials and the client in the form
 * ({@code client-auth=post}).
 */
@QuarkusTest
@QuarkusTestResource(value = WireMockTenant.class, restrictToAnnotatedClass = true)
@TestProfile(DiscoveredOnWireMock.class)
class DiscoveryWireFormatTest {

    @jakarta.inject.Inject
    io.skillsync.cxone.CxoneToken token;
    @jakarta.inject.Inject
    io.skillsync.cxone.TenantDirectory directory;
    @jakarta.inject.Inject
    io.skillsync.intake.IntakeOpening opening;

    @Test
    void theApiIsFoundFromTheIdTokenAndTheClientAuthenticatesInTheForm() {
        // the start-up token request is answered before WireMock forgets what it saw (else it may land after the reset)
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> opening.waitingFor() == null);
        WireMockTenant.stubTenant();
        // the intake asked for a token at start-up, before this test reset WireMock: ask again, pinned below
        token.drop();
        // the kept tenant directory is another tenant's answer (the simulator's, or this WireMock's in another test)
        directory.forget();
        Drop.roster("discovered.csv", "email,skill,proficiency,active\na@x.com,Retention,5,true\n");
        JsonNode run = Drop.awaitRun("discovered.csv");
        assertEquals(1, run.path("counts").path("applied").asInt(), run.toString());

        var server = WireMockTenant.server;
        server.verify(1, postRequestedFor(urlEqualTo("/auth/token")).withHeader("Authorization", absent())
                .withRequestBody(equalTo("grant_type=client_credentials&client_id=wire-client&client_secret=wire-client-secret")));
        // asked of the id_token's issuer (127.0.0.1), not discovery-url (localhost): FedRAMP and sovereign hosts
        server.verify(1, getRequestedFor(urlEqualTo("/.well-known/cxone-configuration?tenantId=wire-tenant-1"))
                .withHeader("Authorization", absent())
                .withHeader("Host", com.github.tomakehurst.wiremock.client.WireMock.equalTo("127.0.0.1:" + server.port())));
        server.verify(1, getRequestedFor(urlPathEqualTo(WireMockTenant.API + "/agents")));
    }
}
