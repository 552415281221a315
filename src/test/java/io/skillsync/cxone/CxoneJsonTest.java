package io.skillsync.cxone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The tolerant reading of CXone's answers (cxone-api.md, Reads and Writes), in plain JUnit. */
class CxoneJsonTest {

    static final ObjectMapper JSON = new ObjectMapper();

    static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    @Test
    void listsAtTheTopLevelOrUnderResultSet() throws Exception {
        assertEquals(2, CxoneJson.list(json("{\"skills\":[{},{}]}"), "skills").size());
        assertEquals(1, CxoneJson.list(json("{\"resultSet\":{\"skills\":[{}]}}"), "skills").size());
        assertTrue(CxoneJson.underResultSet(json("{\"resultSet\":{\"skills\":[]}}"), "skills"));
        assertTrue(CxoneJson.list(json("{\"other\":[]}"), "skills").isMissingNode());
    }

    @Test
    void totalRecordsAnywhereOrAbsent() throws Exception {
        assertEquals(7, CxoneJson.totalRecords(json("{\"totalRecords\":7}")));
        assertEquals(7, CxoneJson.totalRecords(json("{\"totalRecords\":\"7\"}")));
        assertEquals(9, CxoneJson.totalRecords(json("{\"resultSet\":{\"totalRecords\":9}}")));
        assertEquals(-1, CxoneJson.totalRecords(json("{\"skills\":[]}")));
    }

    @Test
    void booleansAsStringsInAnyCase() throws Exception {
        JsonNode node = json("{\"a\":\"True\",\"b\":\"false\",\"c\":true,\"d\":0,\"e\":\"maybe\"}");
        assertTrue(CxoneJson.bool(node.path("a"), false));
        assertFalse(CxoneJson.bool(node.path("b"), true));
        assertTrue(CxoneJson.bool(node.path("c"), false));
        assertFalse(CxoneJson.bool(node.path("d"), true));
        assertTrue(CxoneJson.bool(node.path("e"), true));
        assertFalse(CxoneJson.isBool(node.path("e")));
        assertFalse(CxoneJson.isBool(node.path("missing")));
    }

    @Test
    void anEmailOfSeveralAccountsMeansTheOneActiveAccount() {
        assertEquals(1, AgentBook.meant(List.of(new AgentBook.Account(1, false))), "one account, even inactive");
        assertEquals(2, AgentBook.meant(List.of(new AgentBook.Account(1, false), new AgentBook.Account(2, true))),
                "a rehire: the active account");
        assertEquals(TenantDirectory.AMBIGUOUS, AgentBook.meant(
                List.of(new AgentBook.Account(1, true), new AgentBook.Account(2, true))), "a shared mailbox");
        assertEquals(TenantDirectory.AMBIGUOUS, AgentBook.meant(
                List.of(new AgentBook.Account(1, false), new AgentBook.Account(2, false))), "two former accounts");
        assertEquals(3, AgentBook.meant(List.of(new AgentBook.Account(3, true), new AgentBook.Account(3, true))),
                "the same account by e-mail and by user name");
    }

    @Test
    void theTokenFormAndClientAuthentication() {
        assertEquals("grant_type=password&username=key&password=a%3Db", TokenForm.form("password", "basic", "c", "s", "key", "a=b"));
        assertEquals("grant_type=password&username=key&password=p&client_id=c&client_secret=s%26",
                TokenForm.form("password", "post", "c", "s&", "key", "p"));
        assertEquals("grant_type=client_credentials", TokenForm.form("client_credentials", "basic", "c", "s", "", ""));
        assertEquals("Basic " + Base64.getEncoder().encodeToString("c:s".getBytes(StandardCharsets.UTF_8)),
                TokenForm.basic("basic", "c", "s"));
        assertEquals(null, TokenForm.basic("post", "c", "s"));
    }

    @Test
    void theTenantIdOfAnIdToken() {
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        String claims = url.encodeToString("{\"tenantId\":\"11EB-abc-0042\",\"name\":\"x\"}".getBytes(StandardCharsets.UTF_8));
        assertEquals("11EB-abc-0042", TokenForm.tenantOf("e30." + claims + ".sig", JSON));
        assertEquals(null, TokenForm.tenantOf("not-a-jwt", JSON));
        String hostile = url.encodeToString("{\"tenantId\":\"x&api_endpoint=evil\"}".getBytes(StandardCharsets.UTF_8));
        assertEquals(null, TokenForm.tenantOf("e30." + hostile + ".", JSON), "only a plain id is taken into a URL");
    }
}
