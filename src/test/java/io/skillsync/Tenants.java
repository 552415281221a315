package io.skillsync;

import java.util.ArrayList;
import java.util.List;

import io.skillsync.cxone.TenantDirectory;
import io.skillsync.simulator.TenantSimulator;
import io.skillsync.simulator.TenantSimulator.Agent;
import io.skillsync.simulator.TenantSimulator.Assignment;

/** Tenants the tests start from. */
public final class Tenants {

    public static final long TIER_1 = 112233;
    public static final long TIER_2 = 112234;
    public static final long RETENTION = 112235;

    private Tenants() {
    }

    public static String email(int n) {
        return String.format("agent%03d@example.com", n);
    }

    public static long agentId(int n) {
        return 500_000 + n;
    }

    /** The seed story's tenant: {@code count} agents, every one holding Tier_1_Support at 10. */
    public static void everyoneOnTier1(TenantSimulator tenant, TenantDirectory directory, int count) {
        List<Agent> agents = new ArrayList<>();
        List<Assignment> held = new ArrayList<>();
        for (int n = 1; n <= count; n++) {
            agents.add(new Agent(agentId(n), email(n), "Agent", "No" + n, true));
            held.add(new Assignment(agentId(n), TIER_1, 10, true));
        }
        tenant.seed(agents, TenantSimulator.defaultSkills(), held);
        // the directory cache outlives a re-seeded tenant: start each test from CXone's answer
        directory.forget();
    }
}
