package io.skillsync.support;

import java.util.ArrayList;
import java.util.List;

import io.skillsync.cxone.TenantDirectory;
import io.skillsync.simulator.TenantSimulator;
import io.skillsync.simulator.TenantSimulator.Agent;
import io.skillsync.simulator.TenantSimulator.Assignment;
import io.skillsync.simulator.TenantSimulator.Skill;

/** The simulated tenants the tests start from, and the id and e-mail address of each agent in them. */
public final class Tenants {

    public static final long TIER_1 = 112233;
    public static final long TIER_2 = 112234;
    public static final long RETENTION = 112235;

    private Tenants() {
    }

    /**
     * Agent n's address in the tenants the tests seed here ({@code agent001@example.com}); the roster corpus
     * under src/test/resources/rosters is written against this spelling.
     */
    public static String email(int n) {
        return String.format("agent%03d@example.com", n);
    }

    /**
     * Agent n's address in the simulator's own presets ({@code /sim/admin/seed}, {@code seedRealistic}):
     * src/main spells it {@code agent0001@example.com}, so tests of a preset tenant must too.
     */
    public static String presetEmail(int n) {
        return String.format("agent%04d@example.com", n);
    }

    /** Agent n's id, in the tests' tenants and the simulator's presets alike. */
    public static long agentId(int n) {
        return 500_000 + n;
    }

    /** Agents 1 .. {@code count}, active, named Agent No<n>. */
    public static List<Agent> agents(int count) {
        List<Agent> agents = new ArrayList<>();
        for (int n = 1; n <= count; n++) {
            agents.add(new Agent(agentId(n), email(n), "Agent", "No" + n, true));
        }
        return agents;
    }

    /** Agents 1 .. {@code count}, each holding {@code skillId} at {@code proficiency}, active. */
    public static List<Assignment> holding(int count, long skillId, int proficiency) {
        List<Assignment> held = new ArrayList<>();
        for (int n = 1; n <= count; n++) {
            held.add(new Assignment(agentId(n), skillId, proficiency, true));
        }
        return held;
    }

    /** Replaces the simulated tenant with these agents, skills and assignments. */
    public static void seed(TenantSimulator tenant, TenantDirectory directory, List<Agent> agents, List<Skill> skills,
            List<Assignment> held) {
        tenant.seed(agents, skills, held);
        // the directory cache outlives a re-seeded tenant: start each test from CXone's answer
        directory.forget();
    }

    /** The seed story's tenant: {@code count} agents, every one holding Tier_1_Support at 10. */
    public static void everyoneOnTier1(TenantSimulator tenant, TenantDirectory directory, int count) {
        seed(tenant, directory, agents(count), TenantSimulator.defaultSkills(), holding(count, TIER_1, 10));
    }
}
