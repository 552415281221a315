package io.skillsync;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

import io.skillsync.cxone.TenantDirectory;
import io.skillsync.simulator.TenantSimulator;
import io.skillsync.simulator.TenantSimulator.Dialect;
import io.skillsync.support.Tenants;

/**
 * The core story against a tenant speaking some dialects of cxone-api.md's unknowns: in a 500-agent
 * tenant, 100 new hires get Retention at 5 (one of them was given Retention in the admin UI just after
 * SkillSync's read: the POST meets an existing assignment), 50 veterans go to Tier_1_Support 1, and 3
 * agents are switched off Tier_1_Support. Then the same file again, which must change nothing. Verification
 * (read-back) is on, so an inactive assignment the tenant does not show would fail its row.
 */
final class DialectStory {

    /** One line of the closing table: dialects x (writes, reads, outcome), first run and rerun. */
    static final List<String> FIGURES = new ArrayList<>();

    private DialectStory() {
    }

    static String roster() {
        StringBuilder csv = new StringBuilder("email,skill,proficiency,active\n");
        for (int n = 1; n <= 100; n++) {
            csv.append(Tenants.email(n)).append(",Retention,5,true\n");
        }
        for (int n = 101; n <= 150; n++) {
            csv.append(Tenants.email(n)).append(",Tier_1_Support,1,\n");
        }
        for (int n = 151; n <= 153; n++) {
            csv.append(Tenants.email(n)).append(",Tier_1_Support,,false\n");
        }
        return csv.toString();
    }

    static String label(Set<Dialect> dialects) {
        return dialects.isEmpty() ? "default" : dialects.stream().map(Dialect::label).collect(Collectors.joining("_"));
    }

    /** Runs the story and its rerun; asserts the tenant's state and the outcomes; records the figures. */
    static void run(TenantSimulator tenant, TenantDirectory directory, Set<Dialect> dialects, String settings) {
        Tenants.everyoneOnTier1(tenant, directory, 500);
        tenant.write("POST", Tenants.agentId(7), Tenants.RETENTION, 9, true);
        tenant.faults().hiddenFromReads.add(Tenants.agentId(7) + ":" + Tenants.RETENTION);
        tenant.speak(dialects);
        // a file name has at most 120 characters: several dialects together go by their number
        String name = "story-" + (dialects.size() > 2 ? "combined-" + dialects.size() : label(dialects)) + ".csv";

        Drop.roster(name, roster());
        JsonNode first = Drop.awaitRun(name);
        Drop.awaitGone(name);
        long writes = tenant.writes();
        long reads = tenant.reads();
        assertEquals("complete", first.path("result").asText(), first.toString());
        assertEquals(153, first.path("counts").path("applied").asInt(), label(dialects) + ": " + first);
        for (int n = 1; n <= 100; n++) {
            assertEquals(new TenantSimulator.Assignment(Tenants.agentId(n), Tenants.RETENTION, 5, true),
                    tenant.assignment(Tenants.agentId(n), Tenants.RETENTION));
        }
        for (int n = 101; n <= 150; n++) {
            assertEquals(1, tenant.assignment(Tenants.agentId(n), Tenants.TIER_1).proficiency());
        }
        for (int n = 151; n <= 153; n++) {
            assertEquals(new TenantSimulator.Assignment(Tenants.agentId(n), Tenants.TIER_1, 10, false),
                    tenant.assignment(Tenants.agentId(n), Tenants.TIER_1));
        }
        assertEquals(10, tenant.assignment(Tenants.agentId(154), Tenants.TIER_1).proficiency(), "others untouched");
        assertEquals(0, tenant.tooManyRequests());

        tenant.forgetRequests();
        Drop.roster(name, roster());
        JsonNode again = Drop.awaitRun(name, first.path("runId").asText());
        Drop.awaitGone(name);
        assertEquals(153, again.path("counts").path("unchanged").asInt(), label(dialects) + " rerun: " + again);
        assertEquals(0, tenant.writes(), "the rerun writes nothing");
        FIGURES.add(String.format("| %s | %s | %d | %d | %s | %d | %d | %s |", label(dialects), settings, writes, reads,
                first.path("counts").path("applied").asInt() + " applied", tenant.writes(), tenant.reads(),
                again.path("counts").path("unchanged").asInt() + " unchanged"));
    }

    static void print() {
        System.out.println("dialect story figures (seed story with read-back, then the same file again):");
        System.out.println("| dialect | settings | writes | reads | outcome | rerun writes | rerun reads | rerun outcome |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        FIGURES.forEach(System.out::println);
        FIGURES.clear();
    }
}
