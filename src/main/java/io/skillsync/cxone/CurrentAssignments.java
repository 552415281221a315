package io.skillsync.cxone;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import org.jboss.logging.Logger;

import io.skillsync.config.CxoneSettings;
import io.skillsync.config.PerUnit;
import io.skillsync.config.SkillSyncConfig;
import io.skillsync.sync.Assignment;
import io.skillsync.sync.AssignmentKey;
import io.skillsync.sync.Row;

/**
 * Reads, fresh for every run, what CXone holds for the rows at hand, by whichever way costs the fewest
 * requests: each agent's own assignments ({@code GET /agents/{id}/skills}), each named skill's holders
 * ({@code GET /skills/{id}/agents}), or the whole tenant's ({@code GET /agents/skills}, paged). Costs are
 * estimated from what the last reads showed (a skill's holders, the tenant's total). A skill read before may
 * be asked only its count and what changed since ({@link SkillHolders}: how a deletion or a clock skew is
 * caught). A file that deactivates reads whole skills (per skill or tenant-wide): the blast-radius guard
 * weighs a deactivation against all of the skill's active agents.
 */
@ApplicationScoped
public class CurrentAssignments {

    private static final Logger LOG = Logger.getLogger(CurrentAssignments.class);
    static final String ALL = "/agents/skills";
    static final String LIST = "agentSkillAssignments";

    private final CxonePages cxone;
    private final TenantDirectory directory;
    /** What this bean keeps of one unit's tenant, for each unit ({@link PerUnit}). */
    private final PerUnit<Held> state = new PerUnit<>(unit -> new Held());
    private final SkillSyncConfig config;

    CurrentAssignments(CxonePages cxone, TenantDirectory directory, SkillSyncConfig config) {
        this.cxone = cxone;
        this.directory = directory;
        this.config = config;
    }

    /**
     * Reads what CXone holds for {@code agents} x {@code skills}, the cheapest way.
     *
     * @param wholeSkills every holder of each skill is needed (the guard), not just the rows' agents
     */
    public Map<AssignmentKey, Assignment> read(String runId, Set<Long> agents, Set<Long> skills, boolean wholeSkills,
            String what) {
        return read(runId, agents, skills, wholeSkills, false, what);
    }

    /** What a run wrote, read back: a skill read by the run may be asked only what changed since. */
    public Map<AssignmentKey, Assignment> readBack(String runId, Set<Long> agents, Set<Long> skills, String what) {
        return read(runId, agents, skills, false, true, what);
    }

    private Map<AssignmentKey, Assignment> read(String runId, Set<Long> agents, Set<Long> skills, boolean wholeSkills,
            boolean afterWrites, String what) {
        Held ours = state.get();
        Map<AssignmentKey, Assignment> held = new HashMap<>();
        if (agents.isEmpty() && (!wholeSkills || skills.isEmpty())) {
            return held;
        }
        long byAgent = wholeSkills ? Long.MAX_VALUE : (long) agents.size() * ours.queries.size();
        CxonePages.Page first = null;
        if (ours.lastTotal < 0 && byAgent > ours.queries.size()) {
            // the tenant's size is not known yet: its first page tells it (and starts a tenant-wide read if that wins)
            first = cxone.page(ALL, ours.tenantQueries.get(0), LIST, 0);
            ours.lastTotal = first.total() >= 0 ? first.total() : first.items().size() < ours.pageSize ? first.items().size() : -1;
        }
        long bySkill = ours.perSkill ? skillRequests(skills, afterWrites) : Long.MAX_VALUE;
        long tenantWide = ours.lastTotal >= 0 ? (long) pages(ours.lastTotal) + ours.tenantQueries.size() - 1 : Long.MAX_VALUE - 1;
        int requests = first == null ? 0 : 1;
        String how;
        // on a tie, per agent: its estimate is exact, a skill's may not be
        if (bySkill < byAgent && bySkill <= tenantWide) {
            int read = perSkill(skills, held, afterWrites);
            how = "per skill";
            if (read < 0) {
                // CXone does not serve per-skill reads: the next cheapest way, this once and from now on
                return read(runId, agents, skills, wholeSkills, afterWrites, what);
            }
            requests += read;
        } else if (byAgent < tenantWide) {
            requests += perAgent(agents, held);
            how = "per agent";
        } else {
            requests += tenantWide(first, held) - (first == null ? 0 : 1);
            how = "tenant-wide";
        }
        LOG.infof("run %s: read %s of %d agent(s) and %d skill(s) %s in %d request(s)", runId, what, agents.size(),
                skills.size(), how, requests);
        return held;
    }

    /**
     * Requests the named skills' holders take: a count and what changed for a skill kept, else its pages by
     * its last read; a skill never read is estimated as an average one (the tenant's assignments over its
     * skills), or one page while the tenant's size is unknown.
     */
    private long skillRequests(Set<Long> skills, boolean afterWrites) {
        Held ours = state.get();
        int average = ours.lastTotal >= 0 ? ours.lastTotal / Math.max(1, directory.skills().byId().size()) : 0;
        long requests = 0;
        for (long skill : skills) {
            int changed = ours.skillHolders.changedCost(skill, ours.queries.size(), afterWrites);
            requests += changed >= 0 ? changed : (long) pages(ours.holders.getOrDefault(skill, average)) * ours.queries.size();
        }
        return requests;
    }

    /** @return requests made, or -1 when CXone answered 404 (per-skill reads are then off) */
    private int perSkill(Set<Long> skills, Map<AssignmentKey, Assignment> held, boolean afterWrites) {
        Held ours = state.get();
        int requests = 0;
        for (long skillId : skills) {
            int before = held.size();
            try {
                requests += ours.skillHolders.read(skillId, ours.queries, held, afterWrites);
            } catch (CxoneException e) {
                if (e.status() != 404) {
                    throw e;
                }
                ours.perSkill = false;
                LOG.warnf("CXone answered 404 to GET /skills/%d/agents: current assignments are read per agent or"
                        + " tenant-wide from now on (skillsync.cxone.reads.per-skill=false says so for good)", skillId);
                held.clear();
                return -1;
            }
            ours.holders.put(skillId, held.size() - before);
        }
        return requests;
    }

    /** @param first the tenant's first page when already read for the estimate, else null */
    private int tenantWide(CxonePages.Page first, Map<AssignmentKey, Assignment> held) {
        Held ours = state.get();
        int requests = 0;
        for (String query : ours.tenantQueries) {
            if (first != null && query == ours.tenantQueries.get(0)) {
                first.items().forEach(item -> keep(item, 0, 0, held));
                requests += 1 + cxone.readPages(ALL, query, LIST, first, page -> page.items().forEach(item -> keep(item, 0, 0, held)));
            } else {
                requests += cxone.readAll(ALL, query, LIST, item -> keep(item, 0, 0, held));
            }
        }
        ours.lastTotal = held.size();
        Map<Long, Integer> counted = new HashMap<>();
        held.keySet().forEach(key -> counted.merge(key.skillId(), 1, Integer::sum));
        ours.holders.putAll(counted);
        return requests;
    }

    /** Each agent's own assignments; NICE's schema for these items has no agentId, so the path gives it. */
    private int perAgent(Set<Long> agents, Map<AssignmentKey, Assignment> held) {
        int requests = 0;
        for (long agentId : agents) {
            for (String query : state.get().queries) {
                requests += cxone.readAll("/agents/" + agentId + "/skills", query, LIST, item -> keep(item, agentId, 0, held));
            }
        }
        return requests;
    }

    private int pages(int total) {
        Held ours = state.get();
        return Math.max(1, (total + ours.pageSize - 1) / ours.pageSize);
    }

    /**
     * @param agentId the agent a per-agent read was about, else 0 (each item names its agent)
     * @param skillId the skill a per-skill read was about, else 0 (each item names its skill)
     */
    static void keep(JsonNode item, long agentId, long skillId, Map<AssignmentKey, Assignment> held) {
        long agent = CxoneJson.number(item.path("agentId"), agentId);
        long skill = CxoneJson.number(item.path("skillId"), skillId);
        if (agent == 0 || skill == 0) {
            return;
        }
        Assignment assignment = new Assignment(agent, skill,
                (int) CxoneJson.number(item.path("agentProficiencyValue"), Row.NONE),
                CxoneJson.bool(item.path("isActive"), true));
        held.put(assignment.key(), assignment);
    }

    private final class Held {
        final int pageSize;
        /** The query of each read of one set of assignments: one, or one per isActive value (by-flag). */
        final List<String> queries;
        /** The queries of a tenant-wide read, with the flags NICE's schema requires ({@link AssignmentQueries}). */
        final List<String> tenantQueries;
        /** Assignments the tenant held at the last tenant-wide read; -1 before the first. */
        volatile int lastTotal = -1;
        /** Holders of each skill at its last read (per skill or tenant-wide). */
        final Map<Long, Integer> holders = new ConcurrentHashMap<>();
        /** Off by setting, or once CXone answered 404 to a per-skill read. */
        volatile boolean perSkill;
        final SkillHolders skillHolders;

        /** Made on the unit's first read, from its settings. */
        Held() {
            this.pageSize = config.cxone().pageSize();
            CxoneSettings.Reads reads = config.cxone().reads();
            this.perSkill = reads.perSkill();
            this.queries = AssignmentQueries.perRead(reads.inactiveAssignments(), CxonePages.query(reads.assignmentsQuery()));
            this.tenantQueries = AssignmentQueries.withRequiredFlags(queries);
            this.skillHolders = new SkillHolders(cxone, directory, reads.changedHolders(), pageSize);
        }
    }
}
