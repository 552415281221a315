package io.skillsync;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import io.skillsync.support.profiles.PerSkillOnWireMock;

/** Pins every request SkillSync sends in per-skill mode to the shapes of cxone-api.md. */
@QuarkusTest
@QuarkusTestResource(value = WireMockTenant.class, restrictToAnnotatedClass = true)
@TestProfile(PerSkillOnWireMock.class)
class WireFormatTest {

    @jakarta.inject.Inject
    io.skillsync.cxone.CxoneToken token;
    @jakarta.inject.Inject
    io.skillsync.cxone.TenantDirectory directory;
    @jakarta.inject.Inject
    io.skillsync.intake.IntakeOpening opening;

    static final String API = WireMockTenant.API;

    @jakarta.inject.Inject
    io.skillsync.probe.ConformanceProbe probe;

    @Test
    void tokenReadsAndPerSkillWritesLookLikeTheSpec() {
        // the start-up token request is answered before WireMock forgets what it saw (else it may land after the reset)
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> opening.waitingFor() == null);
        WireMockTenant.stubTenant();
        // the intake asked for a token at start-up, before this test reset WireMock: ask again, pinned below
        token.drop();
        // the kept tenant directory is another tenant's answer (the simulator's, or this WireMock's in another test)
        directory.forget();
        Drop.roster("wire.csv", "email,skill,proficiency,active\na@x.com,Retention,5,true\nA@X.com,Tier_1_Support,1,\n");
        JsonNode run = Drop.awaitRun("wire.csv");
        assertEquals(2, run.path("counts").path("applied").asInt(), run.toString());

        var server = WireMockTenant.server;
        String basic = Base64.getEncoder().encodeToString("wire-client:wire-client-secret".getBytes(StandardCharsets.UTF_8));
        server.verify(1, postRequestedFor(urlEqualTo("/auth/token"))
                .withHeader("Authorization", equalTo("Basic " + basic))
                .withHeader("Content-Type", matching("application/x-www-form-urlencoded.*"))
                .withRequestBody(equalTo("grant_type=password&username=wire-access-key&password=wire-access-key-secret")));

        // one agent's current assignments: its own read is the cheapest (the tenant-wide GET /agents/skills: the probe, below)
        for (String read : new String[] { "/skills", "/agents", "/agents/445566/skills" }) {
            server.verify(1, WireMockTenant.api(getRequestedFor(urlEqualTo(API + read + "?skip=0&top=100"))));
        }
        server.verify(1, WireMockTenant.api(postRequestedFor(urlPathEqualTo(API + "/skills/112235/agents")))
                .withHeader("Content-Type", matching("application/json.*"))
                .withRequestBody(equalToJson("{\"agents\":[{\"agentId\":445566,\"proficiency\":5,\"isActive\":true}]}")));
        server.verify(1, WireMockTenant.api(putRequestedFor(urlPathEqualTo(API + "/skills/112233/agents")))
                .withHeader("Content-Type", matching("application/json.*"))
                .withRequestBody(equalToJson("{\"agents\":[{\"agentId\":445566,\"proficiency\":1,\"isActive\":true}]}")));
        assertEquals(6, server.getAllServeEvents().size(), "a token, three reads, two writes: nothing else");
        var line = Drop.audit(run).get(0);
        assertEquals("cxone-req-1", line.get("cxoneRequestId"), "CXone's own id is audited apart from ours");
        assertTrue(line.get("requestId").matches("[0-9a-f-]{36}"), "ours is: " + line.get("requestId"));
    }

    @Test
    void theReadOnlyProbeAsksTheSpecShapesWritesNothingAndSavesNoSecret() throws Exception {
        // the start-up token request is answered before WireMock forgets what it saw (else it may land after the reset)
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> opening.waitingFor() == null);
        WireMockTenant.stubTenant();
        // the intake asked for a token at start-up, before this test reset WireMock: ask again, pinned below
        token.drop();
        // the kept tenant directory is another tenant's answer (the simulator's, or this WireMock's in another test)
        directory.forget();
        var report = probe.run(new io.skillsync.probe.ConformanceProbe.Options(null, null, null));
        System.out.println("probe against WireMock's spec-shaped tenant:\n" + report.table());

        var server = WireMockTenant.server;
        String basic = Base64.getEncoder().encodeToString("wire-client:wire-client-secret".getBytes(StandardCharsets.UTF_8));
        server.verify(1, postRequestedFor(urlEqualTo("/auth/token")).withHeader("Authorization", equalTo("Basic " + basic))
                .withRequestBody(equalTo("grant_type=password&username=wire-access-key&password=wire-access-key-secret")));
        server.verify(1, WireMockTenant.api(getRequestedFor(urlEqualTo(API + "/agents?skip=0&top=2"))));
        server.verify(1, WireMockTenant.api(getRequestedFor(urlEqualTo(API + "/agents/skills?skip=0&top=2"))));
        server.verify(0, postRequestedFor(urlPathEqualTo(API + "/agents/skills")));
        server.verify(0, putRequestedFor(urlPathEqualTo(API + "/agents/skills")));
        assertEquals(io.skillsync.probe.ProbeCheck.Verdict.MATCHES, report.check("discovery").orElseThrow().verdict(),
                report.table());
        try (var fixtures = java.nio.file.Files.list(report.fixtures())) {
            for (var fixture : fixtures.toList()) {
                String text = java.nio.file.Files.readString(fixture);
                for (String secret : new String[] { "wire-token", "a@x.com", "wire-access-key-secret", "wire-client-secret" }) {
                    assertTrue(!text.contains(secret), fixture + " holds " + secret);
                }
            }
        }
    }
}
