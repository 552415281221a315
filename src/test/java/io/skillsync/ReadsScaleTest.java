package io.skillsync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.skillsync.cxone.TenantDirectory;
import io.skillsync.simulator.TenantSimulator;
import io.skillsync.simulator.TenantSimulator.Dialect;
import io.skillsync.support.Tenants;
import io.skillsync.support.profiles.NightAfterNight;

/**
 * Reads that scale with the file, not the tenant, on a tenant of realistic size (5,000 agents, 200 skills,
 * 35,000 assignments): the agent list kept between runs and asked only what changed, current state read per
 * skill the file names, read-back of what was written only. Request counts come from each run's summary.
 * Every run is a "next night": the kept agents are asked what changed once a run (agents-refresh=0s).
 */
@QuarkusTest
@TestProfile(NightAfterNight.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReadsScaleTest {

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

    /**
     * Last night's class, from the far end of the preset: 60 agents get Retention at 6, 60 go to 2 on
     * Tier_1_Support. Enough agents that reading both skills whole is cheaper than reading each agent.
     */
    String lastNightsClass() {
        StringBuilder csv = new StringBuilder("email,skill,proficiency\n");
        int hires = 0;
        int promotions = 0;
        for (long id = 505_000; hires + promotions < 120; id--) {
            if (hires < 60 && tenant.assignment(id, RETENTION) == null) {
                csv.append(email(id)).append(",Retention,6\n");
                hires++;
            } else if (promotions < 60 && tenant.assignment(id, TIER_1).proficiency() != 2) {
                csv.append(email(id)).append(",Tier_1_Support,2\n");
                promotions++;
            }
        }
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
        // the first night ever: last night's class; the agents, skills and the two skills' holders are read whole
        Drop.roster("first-night.csv", lastNightsClass());
        JsonNode first = Drop.awaitRun("first-night.csv");
        assertEquals(120, first.path("counts").path("applied").asInt(), first.toString());

        String story = seedStory();
        Drop.roster("seed-story.csv", story);
        JsonNode seed = Drop.awaitRun("seed-story.csv");
        assertEquals(150, seed.path("counts").path("applied").asInt(), seed.toString());
        assertEquals(150, seed.path("verified").asInt(), "read back, every row: " + seed);
        // Tier_1_Support is held by all 5,000 (50 pages): asked its count and what changed, twice (read-back)
        assertTrue(requests(seed) <= 15, "the seed story in at most 15 requests: " + seed.path("requests"));

        Drop.roster("seed-story-again.csv", story);
        JsonNode again = Drop.awaitRun("seed-story-again.csv");
        assertEquals(150, again.path("counts").path("unchanged").asInt(), again.toString());
        assertEquals(0, again.path("requests").path("write").asInt());
        assertTrue(requests(again) <= 8, "the unchanged rerun in at most 8 requests: " + again.path("requests"));

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

        System.out.println("reads figures: realistic tenant (5,000 agents, 200 skills, 35,000 assignments, Tier_1_Support held by all)\n"
                + "| run | reads | writes | requests in all | outcomes |\n|---|---|---|---|---|\n"
                + figures("first night (agents, skills and both skills' holders read whole): last night's class, 120 rows", first) + "\n"
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

    @Test
    @Order(5)
    void aTenantThatRefusesUpdatedSinceIsReadWholeInsteadOfStoppingTheRun() {
        JsonNode run = secondNightWith(Dialect.UPDATED_SINCE_REFUSED, "refused");
        assertEquals(1, run.path("counts").path("applied").asInt(), "the self-check's 400 is 'not served': " + run);
        List<String> agentReads = agentListReads();
        assertTrue(agentReads.stream().anyMatch(q -> !q.contains("pdatedSince=") && !q.contains("updateSince=")),
                "read whole once the filter is refused: " + agentReads);
    }

    @Test
    @Order(6)
    void aTenantThatSpellsItUpdateSinceIsAskedWhatChangedByThatName() {
        JsonNode run = secondNightWith(Dialect.UPDATE_SINCE_SPELLING, "v34");
        assertEquals(1, run.path("counts").path("applied").asInt(), run.toString());
        List<String> agentReads = agentListReads();
        // the self-check asks by both names (a day ahead); what changed is then asked by the honoured one, never read whole
        assertTrue(!agentReads.isEmpty() && agentReads.get(agentReads.size() - 1).contains("updateSince="),
                "asked what changed by NICE's v34 name: " + agentReads);
        assertTrue(agentReads.stream().allMatch(q -> q.contains("pdatedSince=") || q.contains("updateSince=")),
                "no whole read of the agent list: " + agentReads);
    }

    /** A first night on a fresh directory, a new hire made in CXone, then the second night's run of that hire. */
    JsonNode secondNightWith(Dialect dialect, String name) {
        tenant.seedRealistic();
        tenant.speak(Set.of(dialect));
        directory.forget();
        Drop.roster(name + "-first.csv", "email,skill,proficiency\n" + email(500_003) + ",Retention,7\n");
        Drop.awaitRun(name + "-first.csv");
        tenant.saveAgent(new TenantSimulator.Agent(600_010, name + ".hire@example.com", "New", "Hire", true));
        tenant.forgetRequests();
        Drop.roster(name + "-second.csv", "email,skill,proficiency\n" + name + ".hire@example.com,Retention,5\n");
        JsonNode run = Drop.awaitRun(name + "-second.csv");
        return run;
    }

    /** The query of each GET /agents the service sent since the requests were last forgotten. */
    List<String> agentListReads() {
        List<String> queries = new ArrayList<>();
        tenant.requests().stream().filter(r -> r.method().equals("GET") && r.path().endsWith("/agents"))
                .forEach(r -> queries.add(String.valueOf(r.query())));
        return queries;
    }
}
