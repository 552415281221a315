package io.skillsync;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import io.skillsync.support.profiles.BulkOnWireMock;

/**
 * Pins the bulk write to NICE's published shape (cxone-api.md, Bulk): {@code POST /agents/skills} with
 * {@code agentAndSkillDetails}, one entry per (skill, proficiency, active); its answer names no agents, so
 * the rows are settled by reading back, even with verification off.
 */
@QuarkusTest
@QuarkusTestResource(value = WireMockTenant.class, restrictToAnnotatedClass = true)
@TestProfile(BulkOnWireMock.class)
class BulkWireFormatTest {

    @jakarta.inject.Inject
    io.skillsync.cxone.CxoneToken token;
    @jakarta.inject.Inject
    io.skillsync.cxone.TenantDirectory directory;
    @jakarta.inject.Inject
    io.skillsync.intake.IntakeOpening opening;

    @Test
    void bulkModeSendsOnePostOfAgentAndSkillDetailsAndReadsItBack() {
        // the start-up token request is answered before WireMock forgets what it saw (else it may land after the reset)
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> opening.waitingFor() == null);
        WireMockTenant.stubTenant();
        // the intake asked for a token at start-up, before this test reset WireMock: ask again, pinned below
        token.drop();
        // the kept tenant directory is another tenant's answer (the simulator's, or this WireMock's in another test)
        directory.forget();
        Drop.roster("wire-bulk.csv", "email,skill,proficiency,active\na@x.com,Retention,5,true\na@x.com,Tier_1_Support,1,\n");
        JsonNode run = Drop.awaitRun("wire-bulk.csv");
        assertEquals(2, run.path("counts").path("applied").asInt(), run.toString());
        WireMockTenant.server.verify(1, WireMockTenant.api(postRequestedFor(urlPathEqualTo(WireMockTenant.API + "/agents/skills")))
                .withRequestBody(equalToJson("{\"agentAndSkillDetails\":["
                        + "{\"agentIds\":[\"445566\"],\"skills\":[{\"skillId\":112235,\"proficiency\":5,\"isActive\":true}]},"
                        + "{\"agentIds\":[\"445566\"],\"skills\":[{\"skillId\":112233,\"proficiency\":1,\"isActive\":true}]}]}")));
        // the one agent's assignments, before the write and read back after it (the cheapest read for one agent)
        WireMockTenant.server.verify(2, getRequestedFor(urlPathEqualTo(WireMockTenant.API + "/agents/445566/skills")));
        assertEquals(6, WireMockTenant.server.getAllServeEvents().size(), "a token, three reads, one write, one read-back");
    }
}
