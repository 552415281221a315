package io.skillsync;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;

import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A CXone tenant played by WireMock, answering with the spec's examples: agent 445566 holds
 * Tier_1_Support (112233) at 10, and Retention (112235) exists. SkillSync is pointed at it with the
 * password grant.
 */
public class WireMockTenant implements QuarkusTestResourceLifecycleManager {

    static final String API = "/inContactAPI/services/v30.0";
    /**
     * An id_token naming tenant wire-tenant-1, issued by this server as 127.0.0.1 (the settings name it
     * localhost: discovery must follow the issuer). Header and claims only: its signature is not SkillSync's to check.
     */
    static String idToken() {
        return "eyJhbGciOiJub25lIn0." + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("{\"tenantId\":\"wire-tenant-1\",\"name\":\"api-user\",\"iss\":\"http://127.0.0.1:" + server.port() + "\"}")
                        .getBytes()) + ".";
    }
    static WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(wireMockConfig().dynamicPort());
        server.start();
        stubTenant();
        String base = "http://localhost:" + server.port();
        return Map.of("skillsync.cxone.api-url", base + API,
                "skillsync.cxone.token-url", base + "/auth/token",
                "skillsync.cxone.discovery-url", base,
                "skillsync.cxone.client-id", "wire-client",
                "skillsync.cxone.client-secret", "wire-client-secret",
                "skillsync.cxone.access-key-id", "wire-access-key",
                "skillsync.cxone.access-key-secret", "wire-access-key-secret");
    }

    static void stubTenant() {
        server.resetAll();
        server.stubFor(post(urlPathEqualTo("/auth/token")).willReturn(json(
                "{\"access_token\":\"wire-token\",\"token_type\":\"bearer\",\"expires_in\":3600,\"id_token\":\""
                        + idToken() + "\"}")));
        // discovery: the tenant's API host (a host only; SkillSync appends the API path)
        server.stubFor(get(urlPathEqualTo("/.well-known/cxone-configuration")).withQueryParam("tenantId",
                com.github.tomakehurst.wiremock.client.WireMock.equalTo("wire-tenant-1"))
                .willReturn(json("{\"api_endpoint\":\"http://localhost:" + server.port() + "\",\"area\":\"na1\"}")));
        server.stubFor(get(urlPathEqualTo(API + "/skills")).willReturn(json("{\"totalRecords\":2,\"skills\":["
                + "{\"skillId\":112233,\"skillName\":\"Tier_1_Support\",\"isActive\":true,\"mediaTypeId\":4},"
                + "{\"skillId\":112235,\"skillName\":\"Retention\",\"isActive\":true,\"mediaTypeId\":4}]}")));
        server.stubFor(get(urlPathEqualTo(API + "/agents")).willReturn(json("{\"totalRecords\":1,\"agents\":["
                + "{\"agentId\":445566,\"userName\":\"a@x.com\",\"emailAddress\":\"a@x.com\",\"firstName\":\"A\","
                + "\"lastName\":\"X\",\"isActive\":true}]}")));
        server.stubFor(get(urlPathEqualTo(API + "/agents/skills")).willReturn(json("{\"totalRecords\":1,"
                + "\"agentSkillAssignments\":[{\"agentId\":445566,\"skillId\":112233,\"skillName\":\"Tier_1_Support\","
                + "\"agentProficiencyValue\":10,\"isActive\":true}]}")));
        // one agent's assignments: NICE's schema for these items lists no agentId (the path gives it)
        server.stubFor(get(urlPathEqualTo(API + "/agents/445566/skills")).willReturn(json("{\"totalRecords\":1,"
                + "\"agentSkillAssignments\":[{\"skillId\":112233,\"skillName\":\"Tier_1_Support\","
                + "\"agentProficiencyValue\":10,\"isActive\":true}]}")));
        String ok = "{\"resultSet\":{\"errorCount\":0,\"agentResults\":[{\"agentId\":445566,\"success\":true}]}}";
        server.stubFor(post(urlPathEqualTo(API + "/skills/112235/agents")).willReturn(json(ok)));
        server.stubFor(put(urlPathEqualTo(API + "/skills/112233/agents")).willReturn(json(ok)));
        server.stubFor(put(urlPathEqualTo(API + "/agents/skills")).willReturn(json("{\"resultSet\":{\"errorCount\":0,"
                + "\"skillResults\":[{\"agentId\":445566,\"skillId\":112235,\"success\":true},"
                + "{\"agentId\":445566,\"skillId\":112233,\"success\":true}]}}")));
        // NICE's bulk write names no agents in its answer: after it, the tenant holds what was sent
        server.stubFor(post(urlPathEqualTo(API + "/agents/skills")).inScenario("bulk").whenScenarioStateIs(STARTED)
                .willSetStateTo("written").willReturn(json("{\"resultSet\":{\"errorCount\":0}}")));
        server.stubFor(get(urlPathEqualTo(API + "/agents/skills")).inScenario("bulk").whenScenarioStateIs("written")
                .willReturn(json("{\"totalRecords\":2,\"agentSkillAssignments\":["
                        + "{\"agentId\":445566,\"skillId\":112233,\"agentProficiencyValue\":1,\"isActive\":true},"
                        + "{\"agentId\":445566,\"skillId\":112235,\"agentProficiencyValue\":5,\"isActive\":true}]}")));
        server.stubFor(get(urlPathEqualTo(API + "/agents/445566/skills")).inScenario("bulk").whenScenarioStateIs("written")
                .willReturn(json("{\"totalRecords\":2,\"agentSkillAssignments\":["
                        + "{\"skillId\":112233,\"agentProficiencyValue\":1,\"isActive\":true},"
                        + "{\"skillId\":112235,\"agentProficiencyValue\":5,\"isActive\":true}]}")));
    }

    /** {@code request} as every API call to this tenant must look: JSON accepted, its token, a request id. */
    static RequestPatternBuilder api(RequestPatternBuilder request) {
        return request.withHeader("Accept", equalTo("application/json"))
                .withHeader("Authorization", equalTo("Bearer wire-token"))
                .withHeader("X-Request-Id", matching("[0-9a-f-]{36}"));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withHeader("X-Request-Id", "cxone-req-1").withBody(body);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
