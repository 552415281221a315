package io.skillsync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.skillsync.cxone.TenantDirectory;
import io.skillsync.simulator.TenantSimulator;
import io.skillsync.simulator.TenantSimulator.Dialect;
import io.skillsync.support.Tenants;

/**
 * Reads that scale with the file, not the tenant, on a tenant of realistic size (5,000 agents, 200 skills,
 * 35,000 assignments): the agent list kept between runs and asked only what changed, current state read per
 * skill the file names, read-back of what was written only. Request counts come from each run's summary.
 * Every run is a "next night": the kept agents are asked what changed once a run (agents-refresh=0s).
 */
@QuarkusTest
@TestProfile(ReadsScaleTest.NightAfterNight.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReadsScaleTest {

    public static class NightAfterNight implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("skillsync.cxone.reads.agents-refresh", "0s");
        }
    }

    static final long RETENTION = 112235;
    static final long TIER_1 = 112233;

    @Inject
    TenantSimulator tenant;
    @Inject
    TenantDirectory directory;

    /** The realistic preset's address for an agent id (the preset numbers agents from 500,001). */
    static String email(long agentId) {
        return Tenants.presetEmail(Math.toIntExact(agentId - 500_000));
    }

    /** 100 agents without Retention get it at 5; 50 holders of Tier_1_Support below 20 go to 1. */
    String seedStory() {
        StringBuilder csv = new StringBuilder("email,skill,proficiency\n");
        int hires = 0;
        int promotions = 0;
        for (TenantSimulator.Agent agent : tenant.agents()) {
            long id = agent.agentId();
            if (hires < 100 && tenant.assignment(id, RETENTION) == null) {
                csv.append(email(id)).append(",Retention,5\n");
                hires++;
            } else if (promotions < 50 && tenant.assignment(id, TIER_1) != null && tenant.assignment(id, TIER_1).proficiency() != 1) {
                csv.append(email(id)).append(",Tier_1_Support,1\n");
                promotions++;
            }
        }
        assertEquals(150, hires + promotions);
        return csv.toString();
    }

    static long requests(JsonNode run) {
        JsonNode r = run.path("requests");
        return r.path("read").asLong() + r.path("write").asLong() + r.path("token").asLong();
    }

    static String figures(String what, JsonNode run) {
        return String.format("| %s | %d | %d | %d | %s |", what, run.path("requests").path("read").asLong(),
                run.path("requests").path("write").asLong(), requests(run), run.path("counts"));
    }

    @Test
    @Order(1)
    void theSeedStoryTheRerunAndADeletionReadWhatTheFileNeeds() {
        tenant.seedRealistic();
        directory.forget();
        // the first night ever: the agents and skills are read whole once, and kept
        Drop.roster("first-night.csv", "email,skill,proficiency\n" + email(500_001) + ",Retention,7\n");
        JsonNode first = Drop.awaitRun("first-night.csv");
        assertEquals(1, first.path("counts").path("applied").asInt(), first.toString());

        String story = seedStory();
        Drop.roster("seed-story.csv", story);
        JsonNode seed = Drop.awaitRun("seed-story.csv");
        assertEquals(150, seed.path("counts").path("applied").asInt(), seed.toString());
        assertEquals(150, seed.path("verified").asInt(), "read back, every row: " + seed);
        assertTrue(requests(seed) <= 40, "the seed story in at most 40 requests: " + seed.path("requests"));

        Drop.roster("seed-story-again.csv", story);
        JsonNode again = Drop.awaitRun("seed-story-again.csv");
        assertEquals(150, again.path("counts").path("unchanged").asInt(), again.toString());
        assertEquals(0, again.path("requests").path("write").asInt());
        assertTrue(requests(again) <= 15, "the unchanged rerun in at most 15 requests: " + again.path("requests"));

        // an admin deletes an assignment the file gives (in CXone's admin UI: gone, not inactive)
        String line = story.lines().filter(l -> l.endsWith(",Retention,5")).findFirst().orElseThrow();
        long deleted = 500_000 + Long.parseLong(line.substring("agent".length(), "agent".length() + 4));
        assertTrue(tenant.deleteAssignment(deleted, RETENTION));
        Drop.roster("seed-story-after-deletion.csv", story);
        JsonNode afterDeletion = Drop.awaitRun("seed-story-after-deletion.csv");
        assertEquals(1, afterDeletion.path("counts").path("applied").asInt(), afterDeletion.toString());
        assertEquals(149, afterDeletion.path("counts").path("unchanged").asInt());
        assertNotNull(tenant.assignment(deleted, RETENTION), "the deleted assignment is written back");
        assertEquals(5, tenant.assignment(deleted, RETENTION).proficiency());

        System.out.println("reads figures: realistic tenant (5,000 agents, 200 skills, 35,000 assignments)\n"
                + "| run | reads | writes | requests in all | outcomes |\n|---|---|---|---|---|\n"
                + figures("first night (agents and skills read whole), 1 row", first) + "\n"
                + figures("seed story (150 rows)", seed) + "\n"
                + figures("the same file again", again) + "\n"
                + figures("again, after an admin deleted one of its assignments", afterDeletion));
    }

    @Test
    @Order(2)
    void aNewHireIsFoundByAskingWhatChanged() {
        tenant.saveAgent(new TenantSimulator.Agent(600_001, "new.hire.tonight@example.com", "New", "Hire", true));
        tenant.forgetRequests();
        Drop.roster("new-hire.csv", "email,skill,proficiency\nnew.hire.tonight@example.com,Retention,5\n");
        JsonNode run = Drop.awaitRun("new-hire.csv");
        assertEquals(1, run.path("counts").path("applied").asInt(), run.toString());
        List<String> agentReads = agentListReads();
        assertTrue(!agentReads.isEmpty() && agentReads.stream().allMatch(q -> q.contains("updatedSince=")),
                "the agent list asked only what changed: " + agentReads);
    }

    @Test
    @Order(3)
    void aTenantThatIgnoresUpdatedSinceIsReadWholeAndSaysSo() {
        tenant.seedRealistic();
        tenant.speak(Set.of(Dialect.UPDATED_SINCE_IGNORED));
        directory.forget();
        Drop.roster("ignored-first.csv", "email,skill,proficiency\n" + email(500_002) + ",Retention,7\n");
        Drop.awaitRun("ignored-first.csv");
        tenant.saveAgent(new TenantSimulator.Agent(600_002, "another.hire@example.com", "New", "Hire", true));
        tenant.forgetRequests();
        Drop.roster("ignored-second.csv", "email,skill,proficiency\nanother.hire@example.com,Retention,5\n");
        JsonNode run = Drop.awaitRun("ignored-second.csv");
        assertEquals(1, run.path("counts").path("applied").asInt(), run.toString());
        List<String> agentReads = agentListReads();
        assertTrue(agentReads.stream().anyMatch(q -> !q.contains("updatedSince=")),
                "read whole once the filter is seen ignored: " + agentReads);
    }

    @Test
    @Order(4)
    void aTenantWithoutPerSkillReadsIsReadAnotherWay() {
        tenant.seedRealistic();
        tenant.speak(Set.of(Dialect.NO_SKILL_AGENTS));
        directory.forget();
        Drop.roster("no-per-skill.csv", seedStory());
        JsonNode run = Drop.awaitRun("no-per-skill.csv");
        assertEquals(150, run.path("counts").path("applied").asInt(), run.toString());
        assertEquals(150, run.path("verified").asInt(), run.toString());
    }

    /** The query of each GET /agents the service sent since the requests were last forgotten. */
    List<String> agentListReads() {
        List<String> queries = new ArrayList<>();
        tenant.requests().stream().filter(r -> r.method().equals("GET") && r.path().endsWith("/agents"))
                .forEach(r -> queries.add(String.valueOf(r.query())));
        return queries;
    }
}
