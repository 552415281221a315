package io.skillsync.cxone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.time.Instant;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kept agents and skills belong to one tenant: a sandbox and production share an API URL, not a tenantId. */
class KeptDirectoryTest {

    static final String URL = "https://api-na1.niceincontact.com/inContactAPI/services/v30.0";
    final ObjectMapper json = new ObjectMapper();

    @Test
    void listsKeptForTheSandboxAreNotUsedForProductionOnTheSameApiUrl(@TempDir Path dir) throws Exception {
        AgentBook sandbox = new AgentBook();
        sandbox.put(json.readTree("{\"agentId\":445566,\"emailAddress\":\"a@x.com\",\"isActive\":true}"));
        SkillBook skills = new SkillBook();
        skills.put(112233, "Tier_1_Support", true);
        new KeptDirectory(() -> URL + " tenantId=sandbox", json, dir).saveAgents(sandbox);
        new KeptDirectory(() -> URL + " tenantId=sandbox", json, dir).saveSkills(skills, Instant.now());

        KeptDirectory production = new KeptDirectory(() -> URL + " tenantId=production", json, dir);
        assertNull(production.loadAgents(), "another tenant's agent ids would be written to this one");
        assertNull(production.loadSkills());

        KeptDirectory again = new KeptDirectory(() -> URL + " tenantId=sandbox", json, dir);
        assertNotNull(again.loadSkills());
        assertEquals(1, again.loadAgents().byId.size(), "the same tenant finds what it kept");
    }
}
