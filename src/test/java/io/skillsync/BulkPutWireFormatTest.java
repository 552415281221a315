package io.skillsync;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import io.skillsync.support.profiles.BulkPutOnWireMock;

/**
 * The runbook's bulk dialect ({@code write-mode=bulk-put}), in no NICE source and never the default:
 * {@code PUT /agents/skills} with {@code agentSkillAssignments}, settled from its per-item skillResults.
 */
@QuarkusTest
@QuarkusTestResource(value = WireMockTenant.class, restrictToAnnotatedClass = true)
@TestProfile(BulkPutOnWireMock.class)
class BulkPutWireFormatTest {

    @jakarta.inject.Inject
    io.skillsync.cxone.CxoneToken token;
    @jakarta.inject.Inject
    io.skillsync.cxone.TenantDirectory directory;
    @jakarta.inject.Inject
    io.skillsync.intake.IntakeOpening opening;

    @Test
    void bulkPutDialectSendsOnePutOfAgentSkillAssignments() {
        // the start-up token request is answered before WireMock forgets what it saw (else it may land after the reset)
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> opening.waitingFor() == null);
        WireMockTenant.stubTenant();
        // the intake asked for a token at start-up, before this test reset WireMock: ask again, pinned below
        token.drop();
        // the kept tenant directory is another tenant's answer (the simulator's, or this WireMock's in another test)
        directory.forget();
        Drop.roster("wire-bulk-put.csv", "email,skill,proficiency,active\na@x.com,Retention,5,true\na@x.com,Tier_1_Support,1,\n");
        JsonNode run = Drop.awaitRun("wire-bulk-put.csv");
        assertEquals(2, run.path("counts").path("applied").asInt(), run.toString());
        WireMockTenant.server.verify(1, WireMockTenant.api(putRequestedFor(urlPathEqualTo(WireMockTenant.API + "/agents/skills")))
                .withRequestBody(equalToJson("{\"agentSkillAssignments\":["
                        + "{\"agentId\":445566,\"skillId\":112235,\"proficiency\":5,\"isActive\":true},"
                        + "{\"agentId\":445566,\"skillId\":112233,\"proficiency\":1,\"isActive\":true}]}")));
        assertEquals(5, WireMockTenant.server.getAllServeEvents().size(), "a token, three reads, one write");
    }
}
