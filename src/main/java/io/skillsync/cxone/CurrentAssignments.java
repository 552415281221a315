package io.skillsync.cxone;

import java.util.HashMap;
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
    /** totalRecords of GET /agents/skills at the last read; -1 before the first. */
    private volatile int lastTotal = -1;

    CurrentAssignments(CxonePages cxone, SkillSyncConfig config) {
        this.cxone = cxone;
        this.pageSize = config.cxone().pageSize();
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
            CxonePages.Page first = cxone.page(ALL, LIST, 0);
            lastTotal = first.total();
            if (!tenantWide && agents.size() < pages(first.total()) - 1) {
                requests = 1 + perAgent(agents, held);
                how = "per agent, after a first page of the tenant's";
            } else {
                first.items().forEach(item -> keep(item, held));
                requests = 1 + (first.items().size() >= first.total() || first.items().isEmpty() ? 0
                        : cxone.readPages(ALL, LIST, first.items().size(), item -> keep(item, held)));
                how = "tenant-wide";
            }
        }
        LOG.infof("run %s: read %s of %d agent(s) %s in %d request(s)", run.id(), what, agents.size(), how, requests);
        return held;
    }

    private int perAgent(Set<Long> agents, Map<AssignmentKey, Assignment> held) {
        int requests = 0;
        for (long agentId : agents) {
            requests += cxone.readAll("/agents/" + agentId + "/skills", LIST, item -> keep(item, held));
        }
        return requests;
    }

    private int pages(int total) {
        return Math.max(1, (total + pageSize - 1) / pageSize);
    }

    private static void keep(JsonNode item, Map<AssignmentKey, Assignment> held) {
        Assignment assignment = new Assignment(item.path("agentId").asLong(), item.path("skillId").asLong(),
                item.path("agentProficiencyValue").asInt(Row.NONE), item.path("isActive").asBoolean(true));
        held.put(assignment.key(), assignment);
    }
}
