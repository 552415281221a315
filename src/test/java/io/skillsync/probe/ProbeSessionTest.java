package io.skillsync.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** What the probe saves as fixtures holds no token, secret, name or e-mail address. */
class ProbeSessionTest {

    @Test
    void fixturesAreScrubbed() throws Exception {
        JsonNode answer = new ObjectMapper().readTree("{\"access_token\":\"abc\",\"refresh_token\":\"def\",\"id_token\":\"x.y.z\","
                + "\"agents\":[{\"agentId\":1,\"emailAddress\":\"jane.doe@corp.com\",\"userName\":\"jdoe@corp.com\","
                + "\"firstName\":\"Jane\",\"lastName\":\"Doe\",\"isActive\":true}],"
                + "\"note\":\"write to jane.doe@corp.com\",\"skillName\":\"Tier_1_Support\"}");
        String scrubbed = ProbeFixtures.scrub(answer).toString();
        for (String secret : new String[] { "abc", "def", "x.y.z", "corp.com", "Jane", "Doe" }) {
            assertFalse(scrubbed.contains(secret), secret + " in " + scrubbed);
        }
        assertEquals("Tier_1_Support", answer.path("skillName").asText(), "skill names are not personal");
        assertEquals("searchString=(scrubbed)&top=2", ProbeFixtures.scrubText("searchString=jane%40corp.com&top=2"));
    }
}
