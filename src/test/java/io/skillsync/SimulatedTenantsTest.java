package io.skillsync;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.List;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.skillsync.simulator.SimulatedTenants;
import io.skillsync.simulator.TenantSimulator;
import io.skillsync.simulator.TenantSimulator.Request;
import io.skillsync.support.Tenants;

/**
 * Issue 27's ground: two simulated tenants (west and north, {@code %test.skillsync.simulator.tenants}) beside the
 * default one in one process, sharing nothing. HTTP against the simulator only: no roster runs, a second or two.
 */
@QuarkusTest
class SimulatedTenantsTest {

    static final String API = "/inContactAPI/services/v30.0";
    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    SimulatedTenants tenants;
    @Inject
    TenantSimulator defaultTenant;

    /** Every tenant as the application started it (a test before may have emptied the default one), no faults, no log. */
    @BeforeEach
    void asStarted() {
        tenants.all().forEach(TenantSimulator::seedDefault);
    }

    @Test
    void eachTenantKeepsItsOwnAgentsSkillsAndAssignments() {
        given().post("/sim/tenants/west/admin/seed?agents=3&skills=1").then().statusCode(200);
        given().delete("/sim/tenants/north/admin/assignments/445001/112233").then().statusCode(204);

        String west = token("west"), north = token("north"), own = token(null);
        assertEquals(3, get("west", west, "/agents").getInt("totalRecords"), "west holds what was seeded into it");
        assertEquals(7, get("west", west, "/skills").getInt("totalRecords"), "the usual six and Skill_0001");
        assertEquals(300, get("north", north, "/agents").getInt("totalRecords"), "north kept the start's 300 agents");
        assertEquals(300, get(null, own, "/agents").getInt("totalRecords"), "so did the default tenant");

        assertEquals(3, tenants.named("west").assignments().size());
        assertEquals(null, tenants.named("north").assignment(445001, Tenants.TIER_1), "deleted in north ...");
        assertEquals(10, defaultTenant.assignment(445001, Tenants.TIER_1).proficiency(), "... not in the default tenant");
        given().get("/sim/tenants/north/admin/assignments").then().statusCode(200)
                .body("Tier_1_Support.size()", equalTo(199));
    }

    @Test
    void aTokenOfOneTenantIsRefusedByAnotherAndTheLogSaysWhose() {
        String west = token("west"), own = token(null);
        assertTrue(west.startsWith("west."), "a named tenant's token carries its name");
        assertFalse(own.contains("."), "the default tenant's tokens are as they always were");

        api("north", west, "/agents").then().statusCode(401);
        api(null, west, "/agents").then().statusCode(401);
        api("west", own, "/agents").then().statusCode(401);
        api("west", west, "/agents").then().statusCode(200);
        // one tenant's client is no client of another's
        given().auth().preemptive().basic("skillsync-dev-west", "dev-client-secret-west")
                .formParam("grant_type", "client_credentials").post("/sim/tenants/north/auth/token").then().statusCode(401);

        List<Request> north = tenants.named("north").requests();
        assertEquals(List.of("POST /auth/token 401 west null"), north.stream().filter(r -> r.path().startsWith("/auth"))
                .map(r -> r.method() + " " + r.path() + " " + r.status() + " " + r.caller() + " " + r.tokenId()).toList(),
                "the token request to north named west's client");
        Request refused = north.stream().filter(r -> r.path().equals("/agents")).findFirst().orElseThrow();
        assertEquals(401, refused.status());
        assertEquals("west", refused.caller(), "north saw west's token");
        assertEquals(TenantSimulator.tokenId(west), refused.tokenId(), "which one of west's tokens");
        assertEquals("Bearer (masked)", refused.headers().get("Authorization"), "never the token itself");
        assertEquals(List.of("default 401", "west 200"), tenants.named("west").requests().stream()
                .filter(r -> r.path().equals("/agents")).map(r -> r.caller() + " " + r.status()).toList(),
                "west refused the default tenant's token, took its own");
    }

    @Test
    void aFaultOnOneTenantLeavesTheOthersAnswering() {
        String west = token("west"), north = token("north"), own = token(null);
        tenants.named("west").faults().serverErrorRate = 1.0;
        api("west", west, "/skills").then().statusCode(503);
        api("north", north, "/skills").then().statusCode(200);
        api(null, own, "/skills").then().statusCode(200);

        // a window of its own: west's limit spent answers 429 in west only
        tenants.named("west").faults().serverErrorRate = 0;
        tenants.named("west").faults().rateLimit = 0;
        api("west", west, "/skills").then().statusCode(429);
        api("north", north, "/skills").then().statusCode(200);

        tenants.named("north").faults().refuseCredentials = true;
        given().auth().preemptive().basic("skillsync-dev-north", "dev-client-secret-north")
                .formParam("grant_type", "client_credentials").post("/sim/tenants/north/auth/token").then().statusCode(401);
        assertNotEquals(west, token("west"), "west still grants tokens, each a new one");
    }

    /** CxoneEndpoint's discovery, as SkillSync runs it: the id_token's iss and tenantId lead to the tenant's own API. */
    @Test
    void aNamedTenantsDiscoveryLeadsToItsOwnApi() throws Exception {
        JsonPath granted = grant("west");
        JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(granted.getString("id_token").split("\\.")[1]));
        assertEquals("sim-tenant-0001-west", claims.path("tenantId").asText());
        String issuer = claims.path("iss").asText();
        assertTrue(issuer.endsWith("/sim/tenants/west"), issuer);

        String path = issuer.substring(issuer.indexOf("/sim"));
        String endpoint = given().get(path + "/.well-known/cxone-configuration?tenantId=sim-tenant-0001-west").then()
                .statusCode(200).extract().path("api_endpoint");
        assertEquals(issuer, endpoint, "west's API is under west's base");
        given().get("/sim/.well-known/cxone-configuration?tenantId=sim-tenant-0001-west").then().statusCode(404);
        given().get("/sim/tenants/nowhere/.well-known/cxone-configuration?tenantId=x").then().statusCode(404);
        given().header("Accept", "application/json").header("Authorization", "Bearer " + granted.getString("access_token"))
                .get(endpoint.substring(endpoint.indexOf("/sim")) + API + "/business-unit").then().statusCode(200)
                .body("businessUnits[0].businessUnitName", equalTo("Simulated west"))
                .body("businessUnits[0].businessUnitId", equalTo(4600002));
    }

    /** A token of {@code tenant} (null: the default one), granted for its own derived credentials. */
    static String token(String tenant) {
        return grant(tenant).getString("access_token");
    }

    static JsonPath grant(String tenant) {
        String suffix = tenant == null ? "" : "-" + tenant;
        return given().auth().preemptive().basic("skillsync-dev" + suffix, "dev-client-secret" + suffix)
                .formParam("grant_type", "password").formParam("username", "dev-access-key" + suffix)
                .formParam("password", "dev-access-key-secret" + suffix).post(base(tenant) + "/auth/token").then()
                .statusCode(200).extract().jsonPath();
    }

    static io.restassured.response.Response api(String tenant, String token, String path) {
        return given().header("Accept", "application/json").header("Authorization", "Bearer " + token)
                .get(base(tenant) + API + path);
    }

    static JsonPath get(String tenant, String token, String path) {
        return api(tenant, token, path).then().statusCode(200).extract().jsonPath();
    }

    static String base(String tenant) {
        return tenant == null ? "/sim" : "/sim/tenants/" + tenant;
    }
}
