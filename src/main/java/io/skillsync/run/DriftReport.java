package io.skillsync.run;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;

import io.skillsync.cxone.CurrentAssignments;
import io.skillsync.cxone.CxoneEndpoint;
import io.skillsync.cxone.TenantDirectory;
import io.skillsync.record.ManagedAssignments;
import io.skillsync.sync.Assignment;
import io.skillsync.sync.AssignmentKey;
import io.skillsync.sync.Drift;
import io.skillsync.sync.ManagedAssignment;

/**
 * The drift report an operator asks for without a roster ({@code GET /ops/drift}, the console's Drift page): every
 * assignment SkillSync manages, read from CXone now the cheapest way (its agents or its skills, as a run reads), and
 * each one CXone holds otherwise than SkillSync last set it. Nothing is written and nothing is recorded: a run settles
 * drift, this only shows it.
 */
@ApplicationScoped
public class DriftReport {

    /** The report lists at most this many; {@code count} says how many there are. */
    public static final int MOST_ITEMS = 1000;

    /** One drifted assignment, with the agent's e-mail and the skill's name as the tenant's directory has them. */
    public record Item(long agentId, String agent, long skillId, String skill, String set, String now, String setBy,
            String setIn, String setAt) {
    }

    /**
     * @param managed assignments SkillSync has set
     * @param gone    of those, the ones whose agent or skill CXone no longer has (not read: nothing to compare)
     * @param count   drifted assignments; {@code items} lists the first {@link #MOST_ITEMS}, by agent and skill
     */
    public record Report(String read, int managed, int gone, int count, List<Item> items) {
    }

    private final ManagedAssignments managed;
    private final CurrentAssignments current;
    private final TenantDirectory directory;
    private final CxoneEndpoint tenant;

    DriftReport(ManagedAssignments managed, CurrentAssignments current, TenantDirectory directory, CxoneEndpoint tenant) {
        this.tenant = tenant;
        this.managed = managed;
        this.current = current;
        this.directory = directory;
    }

    /** What CXone holds now against what SkillSync set: a few requests to CXone (CxoneException when it cannot answer). */
    public Report now() {
        Instant asked = Instant.now();
        // the directory first: its read takes the token whose id_token names the tenant
        TenantDirectory.Agents agents = directory.agents(asked);
        TenantDirectory.Skills skills = directory.skills(asked);
        Map<AssignmentKey, ManagedAssignment> set = managed.current(tenant.tenantKey());
        if (set.isEmpty()) {
            return new Report(asked.toString(), 0, 0, 0, List.of());
        }
        // an agent or skill CXone no longer has would answer 404 to its read (and switch per-skill reads off)
        List<ManagedAssignment> known = set.values().stream()
                .filter(a -> agents.byId().containsKey(a.agentId()) && skills.byId().containsKey(a.skillId())).toList();
        Set<Long> agentIds = new TreeSet<>();
        Set<Long> skillIds = new TreeSet<>();
        known.forEach(a -> {
            agentIds.add(a.agentId());
            skillIds.add(a.skillId());
        });
        Map<AssignmentKey, Assignment> held = known.isEmpty() ? Map.of()
                : current.read("drift report", agentIds, skillIds, false, "managed assignments");
        List<Drift> drifts = known.stream().map(a -> Drift.between(a, held.get(a.key()))).flatMap(Optional::stream)
                .sorted(Comparator.comparingLong((Drift d) -> d.key().agentId()).thenComparingLong(d -> d.key().skillId()))
                .toList();
        List<Item> items = drifts.stream().limit(MOST_ITEMS)
                .map(d -> new Item(d.key().agentId(), agents.byId().get(d.key().agentId()), d.key().skillId(),
                        skills.byId().get(d.key().skillId()), d.set().state(), d.nowState(), d.setBy(), d.set().runId(),
                        d.set().at().toString()))
                .toList();
        return new Report(asked.toString(), set.size(), set.size() - known.size(), drifts.size(), items);
    }
}
