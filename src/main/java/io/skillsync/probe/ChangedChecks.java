package io.skillsync.probe;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

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

    /** Read-only: lastPollTime (and the clocks' difference), and whether a date a day ahead filters everyone out. */
    static void filter(ProbeSession session, List<ProbeCheck> checks, String api, long skillId) throws IOException {
        Instant poll = mark(session, api, skillId);
        long skew = poll == null ? 0 : Duration.between(Instant.now(), poll).toSeconds();
        checks.add(new ProbeCheck("lastPollTime", poll == null ? "not in the answer (or without a zone)"
                : "given; CXone's clock " + (Math.abs(skew) <= 120 ? "agrees with ours" : Math.abs(skew) + " s "
                        + (skew < 0 ? "behind" : "ahead of") + " ours"), "given, with a zone (the watermark of the next read)",
                poll != null && Math.abs(skew) <= 120 ? Verdict.MATCHES : Verdict.TOLERATED, ""));
        String tomorrow = Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS).toString();
        String seen = "";
        for (String name : new String[] { "updatedSince", "updateSince" }) {
            Answer answer = session.api("holders-" + name, "GET", path(api, skillId) + "?skip=0&top=1&" + name + "=" + tomorrow, null);
            if (answer.ok() && CxoneJson.list(answer.body(), "agentSkillAssignments").size() == 0) {
                checks.add(new ProbeCheck("changed holders filter", "honoured as " + name, "updatedSince honoured",
                        name.equals("updatedSince") ? Verdict.MATCHES : Verdict.TOLERATED, ""));
                return;
            }
            seen += name + ": " + (answer.ok() ? "holders changed tomorrow came back" : answer.describe()) + "; ";
        }
        checks.add(new ProbeCheck("changed holders filter", seen.strip() + " (a skill's holders are read whole each run)",
                "updatedSince honoured", Verdict.TOLERATED, ""));
    }

    /** CXone's lastPollTime on the skill's holders, or null. */
    static Instant mark(ProbeSession session, String api, long skillId) throws IOException {
        return CxoneJson.pollTime(session.api("holders-count", "GET", path(api, skillId) + "?skip=0&top=1", null).body());
    }

    /** With writes: the assignment just written at {@code level} shows in "changed since {@code mark}". */
    static void writeShows(ProbeSession session, List<ProbeCheck> checks, String api, long skillId, long agentId,
            int level, Instant mark) throws IOException {
        if (mark == null) {
            checks.add(new ProbeCheck("changed holders show a write", "not asked: no lastPollTime to ask from",
                    "a write since shows", Verdict.TOLERATED, ""));
            return;
        }
        String since = mark.minus(Duration.ofMinutes(2)).truncatedTo(ChronoUnit.SECONDS).toString();
        Answer changed = session.api("holders-changed", "GET", path(api, skillId) + "?skip=0&top=100&updatedSince=" + since, null);
        boolean shown = false;
        for (JsonNode item : CxoneJson.list(changed.body(), "agentSkillAssignments")) {
            shown |= CxoneJson.number(item.path("agentId"), 0) == agentId
                    && CxoneJson.number(item.path("agentProficiencyValue"), -1) == level;
        }
        checks.add(new ProbeCheck("changed holders show a write", shown ? "yes" : "no: " + changed.describe()
                + " without the assignment just written (a skill's holders are read whole each run)", "a write since shows",
                shown ? Verdict.MATCHES : Verdict.TOLERATED, ""));
    }

    private static String path(String api, long skillId) {
        return api + "/skills/" + skillId + "/agents";
    }
}
