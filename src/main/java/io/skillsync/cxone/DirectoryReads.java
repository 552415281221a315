package io.skillsync.cxone;

import java.time.Instant;

import org.jboss.logging.Logger;

/** What the directory asks CXone: every agent, the agents changed since a time, every skill. */
final class DirectoryReads {

    private static final Logger LOG = Logger.getLogger(DirectoryReads.class);

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
        Instant[] poll = { null };
        int requests = cxone.readAll("/agents", agentsQuery, "agents", whole::put, page -> {
            hidden[0] = Math.max(hidden[0], (int) CxoneJson.number(page.path("hiddenAgents"), 0));
            poll[0] = poll[0] == null ? CxoneJson.pollTime(page) : poll[0];
        });
        whole.pollAt = poll[0];
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

    /** The agents changed since the last read, by CXone's clock (its lastPollTime) where it gave one, else ours. */
    void changedAgents(AgentBook book, Instant asked) {
        Instant last = book.pollAt != null ? book.pollAt : book.checkedAt;
        String since = ChangedSince.query(book.sinceParam, last);
        int[] changed = { 0 };
        Instant[] poll = { null };
        int requests = cxone.readAll("/agents", CxonePages.withQuery(since, agentsQuery), "agents", agent -> {
            book.put(agent);
            changed[0]++;
        }, page -> poll[0] = poll[0] == null ? CxoneJson.pollTime(page) : poll[0]);
        book.pollAt = poll[0];
        book.checkedAt = asked;
        LOG.infof("read %d agent(s) changed in CXone since %s in %d request(s); %d kept", changed[0],
                since.substring(book.sinceParam.length() + 1), requests, book.byId.size());
    }

    /**
     * Which "changed since" parameter CXone honours on GET /agents, asked once with a date a day ahead:
     * {@code updatedSince} (v30, what NICE's SDK sends), else {@code updateSince} (NICE's v34 schema). An
     * answer with agents in it means the name is ignored; a 4xx means it is not served (never a stopped
     * run: the list is then read whole). Null when neither is honoured, said once in the log.
     */
    String incrementalServed() {
        ChangedSince.Honoured honoured = ChangedSince.honoured(cxone, "/agents", agentsQuery, "agents");
        if (honoured.name() == null) {
            LOG.warnf("CXone honours neither updatedSince nor updateSince on GET /agents (%s): the agent list is read"
                    + " whole at each refresh (skillsync.cxone.reads.agents-refresh) instead of what changed", honoured.seen());
        }
        return honoured.name();
    }

    SkillBook skills() {
        SkillBook book = new SkillBook();
        int requests = cxone.readAll("/skills", skillsQuery, "skills",
                skill -> book.put(CxoneJson.number(skill.path("skillId"), 0), skill.path("skillName").asText(""),
                        CxoneJson.bool(skill.path("isActive"), true)), page -> { });
        LOG.infof("read %d skills from CXone in %d request(s)", book.byId.size(), requests);
        return book;
    }
}
