package io.skillsync.probe;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.skillsync.config.CxoneSettings.Reads.InactiveAssignments;
import io.skillsync.cxone.ChangedSince;
import io.skillsync.cxone.CxoneJson;
import io.skillsync.probe.ProbeCheck.Verdict;
import io.skillsync.probe.ProbeSession.Answer;

/**
 * The probe's checks of "what changed" reads of a skill's holders ({@code skillsync.cxone.reads.changed-holders}):
 * CXone's lastPollTime and its clock, whether {@code updatedSince} filters {@code GET /skills/{id}/agents}
 * at all, and (with writes) whether an assignment written since shows in the filtered answer. None of them
 * needs a setting: the service checks the same things on the tenant itself and reads skills whole where
 * the filter cannot be trusted; the lines say what it will do.
 */
final class ChangedChecks {

    private ChangedChecks() {
    }

    /** A skill's holders as first read: whether CXone serves the read at all, and its lastPollTime (or null). */
    record Mark(boolean served, Instant at) {
    }

    /** Read-only: which "changed since" name GET /agents honours (a date a day ahead answers nobody). */
    static void agents(ProbeSession session, List<ProbeCheck> checks, String api, String extra) throws IOException {
        honoured(session, checks, "changed agents filter", api + "/agents?skip=0&top=1", extra, "agents", "agents",
                "the agent list is read whole at each refresh");
    }

    /** Read-only: lastPollTime (and the clocks' difference), and whether a date a day ahead filters everyone out. */
    static void filter(ProbeSession session, List<ProbeCheck> checks, String api, long skillId) throws IOException {
        Mark mark = mark(session, api, skillId);
        if (!mark.served()) {
            checks.add(new ProbeCheck("per-skill reads", "GET /skills/" + skillId + "/agents not served", "served",
                    Verdict.TOLERATED, ""));
            return;
        }
        Instant poll = mark.at();
        long skew = poll == null ? 0 : Duration.between(Instant.now(), poll).toSeconds();
        checks.add(new ProbeCheck("lastPollTime", poll == null ? "not in the answer (or without a zone)"
                : "given; CXone's clock " + (Math.abs(skew) <= 120 ? "agrees with ours" : Math.abs(skew) + " s "
                        + (skew < 0 ? "behind" : "ahead of") + " ours"), "given, with a zone (the watermark of the next read)",
                poll != null && Math.abs(skew) <= 120 ? Verdict.MATCHES : Verdict.TOLERATED, ""));
        honoured(session, checks, "changed holders filter", path(api, skillId) + "?skip=0&top=1", "", "agentSkillAssignments",
                "holders", "a skill's holders are read whole each run");
    }

    /**
     * Which "changed since" name a list honours, each asked with a date a day ahead (as the service asks,
     * {@code ChangedSince}): the first honoured; none means the list is read whole ({@code whole} says how).
     *
     * @param what what the list holds ("agents", "holders"): its fixtures' prefix and its word in the line
     */
    private static void honoured(ProbeSession session, List<ProbeCheck> checks, String check, String url, String extra,
            String listField, String what, String whole) throws IOException {
        String tomorrow = ChangedSince.tomorrow();
        String seen = "";
        for (String name : ChangedSince.NAMES) {
            Answer answer = session.api(what + "-" + name, "GET", url + "&" + name + "=" + tomorrow + extra, null);
            if (answer.ok() && CxoneJson.list(answer.body(), listField).size() == 0) {
                checks.add(new ProbeCheck(check, "honoured as " + name, "updatedSince honoured",
                        name.equals(ChangedSince.NAMES.get(0)) ? Verdict.MATCHES : Verdict.TOLERATED, ""));
                return;
            }
            seen += name + ": " + (answer.ok() ? what + " changed tomorrow came back" : answer.describe()) + "; ";
        }
        checks.add(new ProbeCheck(check, seen.strip() + " (" + whole + ")", "updatedSince honoured", Verdict.TOLERATED, ""));
    }

    /** The skill's holders' first page: served (not a 4xx), and CXone's lastPollTime on it. */
    static Mark mark(ProbeSession session, String api, long skillId) throws IOException {
        Answer answer = session.api("holders-count", "GET", path(api, skillId) + "?skip=0&top=1", null);
        return new Mark(answer.status() / 100 != 4, CxoneJson.pollTime(answer.body()));
    }

    /** With writes: the assignment just written at {@code level} shows in "changed since {@code mark}". */
    static void writeShows(ProbeSession session, List<ProbeCheck> checks, String api, long skillId, long agentId,
            int level, Mark read) throws IOException {
        Instant mark = read.at();
        if (!read.served()) {
            return;
        }
        if (mark == null) {
            checks.add(new ProbeCheck("changed holders show a write", "not asked: no lastPollTime to ask from",
                    "a write since shows", Verdict.TOLERATED, ""));
            return;
        }
        Answer changed = session.api("holders-changed", "GET", path(api, skillId) + "?skip=0&top=100&"
                + ChangedSince.query(ChangedSince.NAMES.get(0), mark), null);
        boolean shown = false;
        for (JsonNode item : CxoneJson.list(changed.body(), "agentSkillAssignments")) {
            shown |= CxoneJson.number(item.path("agentId"), 0) == agentId
                    && CxoneJson.number(item.path("agentProficiencyValue"), -1) == level;
        }
        checks.add(new ProbeCheck("changed holders show a write", shown ? "yes" : "no: " + changed.describe()
                + " without the assignment just written (a skill's holders are read whole each run)", "a write since shows",
                shown ? Verdict.MATCHES : Verdict.TOLERATED, ""));
    }

    /**
     * With writes, the test assignment just switched off: the skill's holders (the first page, else what
     * changed since {@code mark}) must return it with isActive false. An
     * isActive that is the agent's flag would make a deactivation look done; one left out needs by-flag.
     */
    static void inactiveShows(ProbeSession session, List<ProbeCheck> checks, String api, long skillId, long agentId,
            Mark read, InactiveAssignments inactiveMode) throws IOException {
        if (!read.served()) {
            return;
        }
        Instant mark = read.at();
        String flag = inactiveMode == InactiveAssignments.BY_FLAG ? "&isActive=false" : "";
        // the first page, then (a big skill) what changed since the mark
        List<String> queries = mark == null ? List.of(flag) : List.of(flag, flag + "&"
                + ChangedSince.query(ChangedSince.NAMES.get(0), mark));
        JsonNode found = null;
        for (int i = 0; i < queries.size() && found == null; i++) {
            Answer answer = session.api("holders-inactive-" + i, "GET", path(api, skillId) + "?skip=0&top=100" + queries.get(i), null);
            for (JsonNode item : CxoneJson.list(answer.body(), "agentSkillAssignments")) {
                found = CxoneJson.number(item.path("agentId"), 0) == agentId ? item : found;
            }
        }
        String assumed = "returned, isActive the assignment's";
        if (found == null) {
            checks.add(new ProbeCheck("per-skill read of an inactive assignment", "not returned", assumed, Verdict.SET,
                    "skillsync.cxone.reads.inactive-assignments=by-flag"));
        } else if (CxoneJson.bool(found.path("isActive"), true)) {
            checks.add(new ProbeCheck("per-skill read of an inactive assignment", "returned with isActive true (the agent's flag?)",
                    assumed, Verdict.SET, "skillsync.cxone.reads.per-skill=false"));
        } else {
            checks.add(new ProbeCheck("per-skill read of an inactive assignment", "returned, isActive false", assumed,
                    Verdict.MATCHES, ""));
        }
    }

    private static String path(String api, long skillId) {
        return api + "/skills/" + skillId + "/agents";
    }
}
