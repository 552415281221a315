package io.skillsync.cxone;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.ExchangeProperty;
import org.jboss.logging.Logger;

import io.skillsync.SkillSyncConfig;
import io.skillsync.run.Assignment;
import io.skillsync.run.AssignmentKey;
import io.skillsync.run.Row;
import io.skillsync.run.Run;
import io.skillsync.run.RunLedger;

/**
 * Reads, fresh for every run, what CXone holds for the agents the file names: every assignment of the
 * tenant ({@code GET /agents/skills}, paged) or each agent's own ({@code GET /agents/{id}/skills}),
 * whichever costs fewer requests for the file at hand. The tenant-wide page count is taken from the last
 * read, or from a first page read to find out.
 */
@ApplicationScoped
@Named("currentAssignments")
public class CurrentAssignments {

    private static final Logger LOG = Logger.getLogger(CurrentAssignments.class);
    static final String ALL = "/agents/skills";
    static final String LIST = "agentSkillAssignments";

    private final CxonePages cxone;
    private final int pageSize;
    /** The query of each read of one set of assignments: one, or one per isActive value (by-flag). */
    private final List<String> queries;
    /** Assignments the tenant held at the last tenant-wide read; -1 before the first. */
    private volatile int lastTotal = -1;

    CurrentAssignments(CxonePages cxone, SkillSyncConfig config) {
        this.cxone = cxone;
        this.pageSize = config.cxone().pageSize();
        SkillSyncConfig.Cxone.Reads reads = config.cxone().reads();
        String extra = CxonePages.query(reads.assignmentsQuery());
        String mode = reads.inactiveAssignments();
        if (mode.equals("by-flag")) {
            this.queries = List.of(join("isActive=true", extra), join("isActive=false", extra));
        } else if (mode.equals("returned")) {
            this.queries = java.util.Collections.singletonList(extra);
        } else {
            throw new IllegalArgumentException(
                    "skillsync.cxone.reads.inactive-assignments must be returned or by-flag, was " + mode);
        }
    }

    private static String join(String flag, String extra) {
        return extra == null ? flag : flag + "&" + extra;
    }

    /**
     * What CXone holds for the open rows' agents. A file that deactivates anything is read tenant-wide:
     * the blast-radius guard weighs a deactivation against all of the skill's active agents.
     */
    public Map<AssignmentKey, Assignment> read(@ExchangeProperty(RunLedger.RUN) Run run) {
        Set<Long> agents = new TreeSet<>();
        run.rows().stream().filter(Row::open).forEach(row -> agents.add(row.agentId()));
        boolean deactivates = run.rows().stream().anyMatch(row -> row.open() && !row.active());
        return read(run, agents, deactivates, "current assignments");
    }

    /** Reads the assignments of {@code agents} by the cheaper way, or tenant-wide when asked. */
    public Map<AssignmentKey, Assignment> read(Run run, Set<Long> agents, boolean tenantWide, String what) {
        Map<AssignmentKey, Assignment> held = new HashMap<>();
        if (agents.isEmpty()) {
            return held;
        }
        int requests;
        String how;
        if (!tenantWide && lastTotal >= 0 && agents.size() < pages(lastTotal)) {
            requests = perAgent(agents, held);
            how = "per agent";
        } else {
            CxonePages.Page first = cxone.page(ALL, queries.get(0), LIST, 0);
            if (!tenantWide && first.total() >= 0 && agents.size() < pages(first.total()) - 1) {
                lastTotal = first.total();
                requests = 1 + perAgent(agents, held);
                how = "per agent, after a first page of the tenant's";
            } else {
                first.items().forEach(item -> keep(item, 0, held));
                requests = 1 + cxone.readPages(ALL, queries.get(0), LIST, first,
                        page -> page.items().forEach(item -> keep(item, 0, held)));
                lastTotal = held.size();
                for (String query : queries.subList(1, queries.size())) {
                    requests += cxone.readAll(ALL, query, LIST, item -> keep(item, 0, held));
                }
                how = "tenant-wide";
            }
        }
        LOG.infof("run %s: read %s of %d agent(s) %s in %d request(s)", run.id(), what, agents.size(), how, requests);
        return held;
    }

    /** Each agent's own assignments; NICE's schema for these items has no agentId, so the path gives it. */
    private int perAgent(Set<Long> agents, Map<AssignmentKey, Assignment> held) {
        int requests = 0;
        for (long agentId : agents) {
            for (String query : queries) {
                requests += cxone.readAll("/agents/" + agentId + "/skills", query, LIST, item -> keep(item, agentId, held));
            }
        }
        return requests;
    }

    private int pages(int total) {
        return Math.max(1, (total + pageSize - 1) / pageSize);
    }

    /** @param agentId the agent the read was about, or 0 for a tenant-wide read (each item names its agent) */
    static void keep(JsonNode item, long agentId, Map<AssignmentKey, Assignment> held) {
        long agent = CxoneJson.number(item.path("agentId"), agentId);
        long skill = CxoneJson.number(item.path("skillId"), 0);
        if (agent == 0 || skill == 0) {
            return;
        }
        Assignment assignment = new Assignment(agent, skill,
                (int) CxoneJson.number(item.path("agentProficiencyValue"), Row.NONE),
                CxoneJson.bool(item.path("isActive"), true));
        held.put(assignment.key(), assignment);
    }
}
