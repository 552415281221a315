package io.skillsync.cxone;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.jboss.logging.Logger;

/** What the directory asks CXone: every agent, the agents changed since a time, every skill. */
final class DirectoryReads {

    /** The directory's category: these lines belong to the story of the kept lists. */
    private static final Logger LOG = Logger.getLogger(TenantDirectory.class);
    /** updatedSince reaches this far before the last look: CXone's clock and ours may differ a little. */
    private static final Duration OVERLAP = Duration.ofMinutes(2);

    private final CxonePages cxone;
    private final String agentsQuery;
    private final String skillsQuery;

    DirectoryReads(CxonePages cxone, String agentsQuery, String skillsQuery) {
        this.cxone = cxone;
        this.agentsQuery = agentsQuery;
        this.skillsQuery = skillsQuery;
    }

    AgentBook agentsWhole(Instant asked) {
        AgentBook whole = new AgentBook();
        int[] hidden = { 0 };
        int requests = cxone.readAll("/agents", agentsQuery, "agents", whole::put,
                page -> hidden[0] = Math.max(hidden[0], (int) CxoneJson.number(page.path("hiddenAgents"), 0)));
        whole.fullAt = asked;
        whole.checkedAt = asked;
        LOG.infof("read %d agents from CXone in %d request(s)%s", whole.byId.size(), requests,
                whole.ambiguous() == 0 ? "" : "; " + whole.ambiguous()
                        + " e-mail address(es) belong to several active agents: rows naming them are rejected");
        if (hidden[0] > 0) {
            LOG.warnf("CXone says %d agent(s) are hidden from SkillSync's API user: rows naming them are rejected as "
                    + "unknown; give the API user view rights on every team", hidden[0]);
        }
        return whole;
    }

    void changedAgents(AgentBook book, Instant asked) {
        String since = "updatedSince=" + book.checkedAt.minus(OVERLAP).truncatedTo(ChronoUnit.SECONDS);
        int[] changed = { 0 };
        int requests = cxone.readAll("/agents", CxonePages.withQuery(since, agentsQuery), "agents", agent -> {
            book.put(agent);
            changed[0]++;
        });
        book.checkedAt = asked;
        LOG.infof("read %d agent(s) changed in CXone since %s in %d request(s); %d kept", changed[0],
                since.substring("updatedSince=".length()), requests, book.byId.size());
    }

    /**
     * Does CXone honour updatedSince on GET /agents? Asked once, with a date a day ahead: an answer with
     * agents in it means the filter is ignored, and every refresh would bring the whole list anyway.
     */
    boolean incrementalServed() {
        String tomorrow = "updatedSince=" + Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);
        CxonePages.Page page = cxone.page("/agents", CxonePages.withQuery(tomorrow, agentsQuery), "agents", 0);
        if (page.items().size() > 0) {
            LOG.warnf("CXone ignores updatedSince on GET /agents (agents changed tomorrow came back): the agent list is"
                    + " read whole at each refresh (skillsync.cxone.reads.agents-refresh) instead of what changed");
            return false;
        }
        return true;
    }

    SkillBook skills() {
        SkillBook book = new SkillBook();
        int requests = cxone.readAll("/skills", skillsQuery, "skills",
                skill -> book.put(CxoneJson.number(skill.path("skillId"), 0), skill.path("skillName").asText("")), page -> { });
        LOG.infof("read %d skills from CXone in %d request(s)", book.byId.size(), requests);
        return book;
    }
}
