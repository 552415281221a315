package io.skillsync.probe;

import static io.skillsync.probe.ProbeQueries.extra;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.skillsync.config.CxoneSettings.Reads.InactiveAssignments;
import io.skillsync.config.SkillSyncConfig;
import io.skillsync.cxone.CxoneJson;
import io.skillsync.probe.ProbeCheck.Verdict;
import io.skillsync.probe.ProbeSession.Answer;

/** Writes on one assignment the operator named, each tried and the assignment put back as it was. */
final class WriteChecks {

    private final SkillSyncConfig config;

    WriteChecks(SkillSyncConfig config) {
        this.config = config;
    }

    void writes(ProbeSession session, List<ProbeCheck> checks, String api, ConformanceProbe.Options options) throws IOException {
        Answer found = session.api("agent-search", "GET", api + "/agents?skip=0&top=10&searchString="
                + URLEncoder.encode(options.agentEmail(), StandardCharsets.UTF_8), null);
        long agentId = 0;
        for (JsonNode agent : CxoneJson.list(found.body(), "agents")) {
            String email = agent.path("emailAddress").asText(agent.path("userName").asText(""));
            if (email.equalsIgnoreCase(options.agentEmail())) {
                agentId = CxoneJson.number(agent.path("agentId"), 0);
            }
        }
        long skillId = skillId(session, api, options.skillName());
        long spareId = options.spareSkill() == null ? 0 : skillId(session, api, options.spareSkill());
        if (agentId == 0 || skillId == 0) {
            checks.add(new ProbeCheck("writes", "not tried: " + (agentId == 0 ? "no agent " + options.agentEmail()
                    : "no skill " + options.skillName()), "-", Verdict.UNKNOWN, ""));
            return;
        }
        JsonNode before = held(session, api, agentId, skillId, "before");
        if (before == null) {
            checks.add(new ProbeCheck("writes", "not tried: the agent does not hold " + options.skillName()
                    + " (the probe writes only on an assignment it can put back)", "-", Verdict.UNKNOWN, ""));
            return;
        }
        int level = (int) CxoneJson.number(before.path("agentProficiencyValue"), 1);
        boolean active = CxoneJson.bool(before.path("isActive"), true);
        String path = api + "/skills/" + skillId + "/agents";
        try {
            ChangedChecks.Mark mark = ChangedChecks.mark(session, api, skillId);
            Answer twenty = session.api("put-proficiency-20", "PUT", path, agents(agentId, 20, active));
            JsonNode after = held(session, api, agentId, skillId, "after-20");
            ChangedChecks.writeShows(session, checks, api, skillId, agentId, 20, mark);
            // switched off for a moment: does the per-skill read return it, with the assignment's own flag?
            session.api("put-inactive", "PUT", path, agents(agentId, 20, false));
            ChangedChecks.inactiveShows(session, checks, api, skillId, agentId, mark, config.cxone().reads().inactiveAssignments());
            int now = after == null ? -1 : (int) CxoneJson.number(after.path("agentProficiencyValue"), -1);
            checks.add(new ProbeCheck("proficiency 20", twenty.describe() + ", holds " + now, "1..20 accepted",
                    now == 20 ? Verdict.MATCHES : Verdict.SET, now == 20 ? "" : "skillsync.proficiency.max (CXone kept " + now + ")"));
            resultNaming(checks, twenty);

            Answer post = session.api("post-existing", "POST", path, agents(agentId, level, active));
            JsonNode result = CxoneJson.list(post.body(), "agentResults").path(0);
            boolean refused = post.ok() && !CxoneJson.bool(result.path("success"), true);
            checks.add(new ProbeCheck("POST on an existing assignment", !post.ok() ? post.describe()
                    : refused ? "refused: '" + result.path("error").asText("") + "'" : "took it (updates the assignment)",
                    "refused per item; SkillSync re-reads and sends PUT", refused ? Verdict.MATCHES : Verdict.TOLERATED, ""));

            if (spareId != 0 && held(session, api, agentId, spareId, "spare-before") == null) {
                Answer put = session.api("put-missing", "PUT", api + "/skills/" + spareId + "/agents", agents(agentId, 20, false));
                JsonNode spare = CxoneJson.list(put.body(), "agentResults").path(0);
                boolean putRefused = put.ok() && !CxoneJson.bool(spare.path("success"), true);
                checks.add(new ProbeCheck("PUT on a missing assignment", !put.ok() ? put.describe() : putRefused
                        ? "refused: '" + spare.path("error").asText("") + "'" : "assigned it (removed again below)",
                        "refused per item; SkillSync re-reads and sends POST", putRefused ? Verdict.MATCHES : Verdict.TOLERATED, ""));
                delete(session, checks, api, agentId, spareId);
            } else {
                checks.add(new ProbeCheck("PUT on a missing assignment", "not tried (give --spare-skill: a skill the agent lacks)",
                        "refused per item", Verdict.UNKNOWN, ""));
            }

            Answer bad = session.api("batch-with-bad-agent", "PUT", path, "{\"agents\":[" + agent(agentId, level, active)
                    + "," + agent(999_999_999L, level, active) + "]}");
            JsonNode results = CxoneJson.list(bad.body(), "agentResults");
            String seen = bad.status() == 400 ? "400 for the whole request" + (bad.statusDescription() == null ? "" : " ("
                    + bad.statusDescription() + ")") : !bad.ok() ? bad.describe() : results.size() + " item result(s), "
                            + results.findValues("success").stream().filter(s -> !CxoneJson.bool(s, true)).count() + " refused";
            checks.add(new ProbeCheck("batch with one bad agent", seen, "200, the bad item refused on its own",
                    bad.ok() && results.size() == 2 ? Verdict.MATCHES : Verdict.TOLERATED, ""));

            // a proficiency it does not hold now, so that what CXone kept tells
            long agent = agentId;
            new BulkChecks(config).bulk(session, checks, api, agent, skillId, level == 19 ? 18 : 19, active,
                    fixture -> held(session, api, agent, skillId, fixture));
        } finally {
            Answer restore = session.api("restore", "PUT", path, agents(agentId, level, active));
            JsonNode after = held(session, api, agentId, skillId, "restored");
            boolean back = after != null && CxoneJson.number(after.path("agentProficiencyValue"), -1) == level
                    && CxoneJson.bool(after.path("isActive"), true) == active;
            checks.add(new ProbeCheck("assignment put back", (back ? "yes: " : "NO: ") + "proficiency " + level
                    + (active ? ", active" : ", inactive") + " (" + restore.describe() + ")", "as it was",
                    back ? Verdict.MATCHES : Verdict.ATTENTION, back ? "" : "set it back by hand in the admin UI"));
        }
    }

    /**
     * NICE publishes {@code DELETE /skills/{skillId}/agents/{agentId}}: on the spare skill (assigned inactive
     * first when PUT did not), whether CXone serves it. Where it does not, the spare is left inactive at 20.
     */
    private void delete(ProbeSession session, List<ProbeCheck> checks, String api, long agentId, long spareId) throws IOException {
        if (held(session, api, agentId, spareId, "spare-after-put") == null) {
            session.api("post-spare", "POST", api + "/skills/" + spareId + "/agents", agents(agentId, 20, false));
        }
        Answer delete = session.api("delete-spare", "DELETE", api + "/skills/" + spareId + "/agents/" + agentId, null);
        boolean gone = held(session, api, agentId, spareId, "spare-after-delete") == null;
        checks.add(new ProbeCheck("DELETE of an assignment", gone ? "served: the spare assignment is gone (" + delete.describe() + ")"
                : delete.describe() + ", still held (left inactive at 20)", "not used yet (full rosters may)",
                gone ? Verdict.MATCHES : Verdict.TOLERATED, ""));
    }

    private void resultNaming(List<ProbeCheck> checks, Answer answer) {
        JsonNode results = CxoneJson.list(answer.body(), "agentResults");
        boolean nested = CxoneJson.underResultSet(answer.body(), "agentResults");
        boolean named = results.size() > 0 && results.get(0).has("agentId");
        checks.add(new ProbeCheck("write results name agentId", !answer.ok() ? answer.describe() : results.size() == 0
                ? "no agentResults" : (named ? "yes" : "no (one result per item)") + (nested ? ", under resultSet" : ", at the top level"),
                "yes, under resultSet", results.size() == 0 ? Verdict.TOLERATED : named && nested ? Verdict.MATCHES : Verdict.TOLERATED,
                ""));
    }

    private long skillId(ProbeSession session, String api, String name) throws IOException {
        for (int skip = 0; session.left() > 12; skip += 100) {
            Answer page = session.api("skills-" + skip, "GET", api + "/skills?skip=" + skip + "&top=100"
                    + extra(config.cxone().reads().skillsQuery()), null);
            JsonNode skills = CxoneJson.list(page.body(), "skills");
            for (JsonNode skill : skills) {
                if (skill.path("skillName").asText("").equals(name)) {
                    return CxoneJson.number(skill.path("skillId"), 0);
                }
            }
            if (!page.ok() || skills.size() < 100) {
                return 0;
            }
        }
        return 0;
    }

    /** The agent's assignment of the skill as CXone holds it, or null. */
    private JsonNode held(ProbeSession session, String api, long agentId, long skillId, String fixture) throws IOException {
        String flags = config.cxone().reads().inactiveAssignments() == InactiveAssignments.BY_FLAG ? "&isActive=false" : "";
        for (String query : flags.isEmpty() ? List.of("") : List.of("&isActive=true", flags)) {
            Answer own = session.api("held-" + fixture, "GET", api + "/agents/" + agentId + "/skills?skip=0&top=100" + query
                    + extra(config.cxone().reads().assignmentsQuery()), null);
            for (JsonNode item : CxoneJson.list(own.body(), "agentSkillAssignments")) {
                if (CxoneJson.number(item.path("skillId"), 0) == skillId) {
                    return item;
                }
            }
        }
        return null;
    }

    private static String agents(long agentId, int level, boolean active) {
        return "{\"agents\":[" + agent(agentId, level, active) + "]}";
    }

    private static String agent(long agentId, int level, boolean active) {
        return "{\"agentId\":" + agentId + ",\"proficiency\":" + level + ",\"isActive\":" + active + "}";
    }
}
