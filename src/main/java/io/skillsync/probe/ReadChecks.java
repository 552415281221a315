package io.skillsync.probe;

import static io.skillsync.probe.ProbeQueries.extra;
import static io.skillsync.probe.ProbeQueries.findNumber;

import java.io.IOException;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.skillsync.config.CxoneSettings;
import io.skillsync.config.CxoneSettings.Reads.InactiveAssignments;
import io.skillsync.config.SkillSyncConfig;
import io.skillsync.cxone.CxoneJson;
import io.skillsync.probe.ProbeCheck.Verdict;
import io.skillsync.probe.ProbeSession.Answer;

/** How the tenant answers reads: the API limit, list pages and their envelope, skip, assignment reads. */
final class ReadChecks {

    private final SkillSyncConfig config;

    ReadChecks(SkillSyncConfig config) {
        this.config = config;
    }

    void reads(ProbeSession session, List<ProbeCheck> checks, String api) throws IOException {
        CxoneSettings cxone = config.cxone();
        Answer unit = session.api("business-unit", "GET", api + "/business-unit", null);
        long limit = findNumber(unit.body(), "apiPublishedLimit");
        String assumedLimit = cxone.requestsPerMinute() + " requests/min";
        if (limit <= 0) {
            checks.add(new ProbeCheck("API limit", unit.describe() + ", no apiPublishedLimit", assumedLimit, Verdict.UNKNOWN, ""));
        } else {
            // NICE does not publish the unit of apiPublishedLimit: reported as given, never a verdict that blocks go-live
            boolean fits = cxone.requestsPerMinute() <= limit;
            checks.add(new ProbeCheck("API limit", "apiPublishedLimit " + limit + (fits ? "" : " (its unit is not published:"
                    + " below the configured rate if it is per minute)"), assumedLimit, fits ? Verdict.MATCHES : Verdict.UNKNOWN,
                    fits ? "" : "ask NICE the unit; per minute: skillsync.cxone.requests-per-minute=" + limit + " or less"));
        }

        Answer first = session.api("agents-page-1", "GET", api + "/agents?skip=0&top=2" + extra(cxone.reads().agentsQuery()), null);
        checks.add(new ProbeCheck("list page status", first.describe(), "HTTP 200",
                first.status() == 200 ? Verdict.MATCHES : first.ok() ? Verdict.TOLERATED : Verdict.UNSUPPORTED,
                first.ok() ? "" : "skillsync.cxone.reads.agents-query, or the API user's rights"));
        if (!first.ok()) {
            return;
        }
        boolean nested = CxoneJson.underResultSet(first.body(), "agents");
        checks.add(new ProbeCheck("list location", nested ? "under resultSet" : CxoneJson.list(first.body(), "agents").isArray()
                ? "at the top level" : "no 'agents' list", "at the top level", nested ? Verdict.TOLERATED
                        : CxoneJson.list(first.body(), "agents").isArray() ? Verdict.MATCHES : Verdict.UNSUPPORTED, ""));
        int total = CxoneJson.totalRecords(first.body());
        checks.add(new ProbeCheck("totalRecords", total < 0 ? "absent" : "present (" + total + ")", "present",
                total < 0 ? Verdict.TOLERATED : Verdict.MATCHES, ""));
        JsonNode agents = CxoneJson.list(first.body(), "agents");
        JsonNode active = agents.path(0).path("isActive");
        checks.add(new ProbeCheck("booleans", active.isMissingNode() ? "no isActive to look at" : active.isBoolean()
                ? "JSON booleans" : "strings (" + active.asText() + ")", "JSON booleans",
                active.isMissingNode() ? Verdict.UNKNOWN : active.isBoolean() ? Verdict.MATCHES : Verdict.TOLERATED, ""));
        long hidden = findNumber(first.body(), "hiddenAgents");
        checks.add(new ProbeCheck("hidden agents", hidden < 0 ? "not said" : String.valueOf(hidden), "0",
                hidden > 0 ? Verdict.SET : Verdict.MATCHES, hidden > 0 ? "give the API user view rights on every team" : ""));
        if (agents.size() >= 2) {
            Answer second = session.api("agents-page-2", "GET", api + "/agents?skip=1&top=2" + extra(cxone.reads().agentsQuery()), null);
            JsonNode next = CxoneJson.list(second.body(), "agents");
            boolean honoured = second.ok() && next.size() > 0 && !next.get(0).equals(agents.get(0))
                    && next.get(0).equals(agents.get(1));
            checks.add(new ProbeCheck("skip honoured", honoured ? "yes (skip=1 starts at the second record)"
                    : "no: skip=1 answered " + second.describe() + " starting with " + (next.size() > 0 && next.get(0).equals(agents.get(0))
                            ? "the first record again" : "another record"),
                    "yes", honoured ? Verdict.MATCHES : Verdict.UNSUPPORTED,
                    honoured ? "" : "none: lists past one page cannot be read (runs stop with an error); ask NICE"));
        } else {
            checks.add(new ProbeCheck("skip honoured", "too few agents to tell", "yes", Verdict.UNKNOWN, ""));
        }
        skillsPaging(session, checks, api);
        ChangedChecks.agents(session, checks, api, extra(cxone.reads().agentsQuery()));
        assignments(session, checks, api);
    }

    /** GET /skills pages like GET /agents: skip=1 starts at the second skill. */
    private void skillsPaging(ProbeSession session, List<ProbeCheck> checks, String api) throws IOException {
        String extra = extra(config.cxone().reads().skillsQuery());
        JsonNode two = CxoneJson.list(session.api("skills-page-1", "GET", api + "/skills?skip=0&top=2" + extra, null).body(), "skills");
        if (two.size() < 2) {
            checks.add(new ProbeCheck("skills paging", "too few skills to tell", "skip honoured", Verdict.UNKNOWN, ""));
            return;
        }
        JsonNode next = CxoneJson.list(session.api("skills-page-2", "GET", api + "/skills?skip=1&top=1" + extra, null).body(), "skills");
        boolean honoured = next.size() > 0 && next.get(0).equals(two.get(1));
        checks.add(new ProbeCheck("skills paging", honoured ? "skip honoured" : "skip=1 did not start at the second skill",
                "skip honoured", honoured ? Verdict.MATCHES : Verdict.UNSUPPORTED,
                honoured ? "" : "none: the skill list past one page cannot be read; ask NICE"));
    }

    private void assignments(ProbeSession session, List<ProbeCheck> checks, String api) throws IOException {
        CxoneSettings.Reads reads = config.cxone().reads();
        String configured = extra(reads.assignmentsQuery());
        Answer plain = session.api("assignments", "GET", api + "/agents/skills?skip=0&top=2" + configured, null);
        String needed = "";
        if (plain.ok()) {
            checks.add(new ProbeCheck("assignment read parameters", configured.isEmpty() ? "none needed"
                    : "answered with " + configured.substring(1), configured.isEmpty() ? "none" : configured.substring(1),
                    Verdict.MATCHES, ""));
        } else {
            Answer with = session.api("assignments-with-flags", "GET", api
                    + "/agents/skills?skip=0&top=2&isActive=true&isAgentActive=true", null);
            needed = with.ok() ? "&isAgentActive=true" : "";
            // NICE's schema marks both flags required on GET /agents/skills: SkillSync sends them there by default
            checks.add(new ProbeCheck("assignment read parameters", "without: " + plain.describe()
                    + "; with isActive and isAgentActive: " + with.describe(), "isActive and isAgentActive sent on tenant-wide reads",
                    with.ok() ? Verdict.TOLERATED : Verdict.UNSUPPORTED, with.ok() ? ""
                            : "the API user's rights on agents and skills"));
        }
        // an inactive assignment, asked for by name, and then looked for in an unfiltered per-agent read
        Answer inactive = session.api("assignments-inactive", "GET", api + "/agents/skills?skip=0&top=5&isActive=false"
                + (needed.isEmpty() ? configured : needed), null);
        JsonNode sample = null;
        for (JsonNode item : CxoneJson.list(inactive.body(), "agentSkillAssignments")) {
            if (!CxoneJson.bool(item.path("isActive"), true) && CxoneJson.number(item.path("agentId"), 0) != 0) {
                sample = item;
                break;
            }
        }
        JsonNode anyAgent = sample != null ? sample : CxoneJson.list(plain.ok() ? plain.body() : inactive.body(),
                "agentSkillAssignments").path(0);
        long agentId = CxoneJson.number(anyAgent.path("agentId"), 0);
        if (agentId != 0) {
            // a skill with an active holder, so that its holders' answer is a page (an empty one may have no body)
            JsonNode held = CxoneJson.list(plain.ok() ? plain.body() : inactive.body(), "agentSkillAssignments").path(0);
            ChangedChecks.filter(session, checks, api, CxoneJson.number(held.path("skillId"), 0));
        }
        if (agentId == 0) {
            checks.add(new ProbeCheck("per-agent items name agentId", "no assignment to look at", "no (taken from the path)",
                    Verdict.UNKNOWN, ""));
            checks.add(new ProbeCheck("inactive assignments returned", "no assignment to look at", "by-flag: "
                    + reads.inactiveAssignments().label(), Verdict.UNKNOWN, ""));
            return;
        }
        Answer own = session.api("agent-assignments", "GET", api + "/agents/" + agentId + "/skills?skip=0&top=100"
                + extra(reads.assignmentsQuery()), null);
        JsonNode items = CxoneJson.list(own.body(), "agentSkillAssignments");
        boolean named = items.size() > 0 && items.get(0).has("agentId");
        checks.add(new ProbeCheck("per-agent items name agentId", !own.ok() ? own.describe() : items.size() == 0 ? "no items"
                : named ? "yes" : "no", "not needed (taken from the path)", !own.ok() ? Verdict.UNSUPPORTED
                        : items.size() == 0 ? Verdict.UNKNOWN : named ? Verdict.MATCHES : Verdict.TOLERATED, ""));
        if (sample == null) {
            checks.add(new ProbeCheck("inactive assignments returned", "the tenant has no inactive assignment to look for",
                    "returned by an unfiltered read", Verdict.UNKNOWN, ""));
            return;
        }
        long skillId = CxoneJson.number(sample.path("skillId"), 0);
        boolean returned = false;
        for (JsonNode item : items) {
            returned |= CxoneJson.number(item.path("skillId"), 0) == skillId;
        }
        boolean byFlag = reads.inactiveAssignments() == InactiveAssignments.BY_FLAG;
        Verdict verdict = returned ? Verdict.MATCHES : byFlag ? Verdict.MATCHES : Verdict.SET;
        checks.add(new ProbeCheck("inactive assignments returned", returned ? "yes, without asking" : "only when asked (isActive=false)",
                byFlag ? "asked for (by-flag)" : "returned by an unfiltered read", verdict,
                verdict == Verdict.SET ? "skillsync.cxone.reads.inactive-assignments=by-flag" : ""));
    }
}
