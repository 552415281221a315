package io.skillsync.probe;

import java.io.IOException;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.skillsync.config.CxoneSettings.WriteMode;
import io.skillsync.config.SkillSyncConfig;
import io.skillsync.cxone.CxoneJson;
import io.skillsync.probe.ProbeCheck.Verdict;
import io.skillsync.probe.ProbeSession.Answer;

/**
 * The probe's bulk check: NICE's {@code POST /agents/skills} answers 200 whatever it did (its answer names
 * no agents), so a changed proficiency is written with the configured {@code skills[]} item and read back;
 * when CXone did not keep it, the other spelling ({@code skillId} or {@code skillIds}) is tried the same way.
 */
final class BulkChecks {

    /** The test assignment as CXone holds it now, or null. */
    interface Held {
        JsonNode read(String fixture) throws IOException;
    }

    private final SkillSyncConfig config;

    BulkChecks(SkillSyncConfig config) {
        this.config = config;
    }

    void bulk(ProbeSession session, List<ProbeCheck> checks, String api, long agentId, long skillId, int level,
            boolean active, Held held) throws IOException {
        WriteMode mode = config.cxone().writeMode();
        String configured = config.cxone().bulkSkillItem();
        String other = configured.equals("skillId") ? "skillIds" : "skillId";
        String assumed = mode == WriteMode.PER_SKILL ? "not used (write-mode per-skill)" : "used, skills[] item " + configured;
        Answer answer = write(session, api, agentId, skillId, level, active, configured);
        if (kept(held.read("after-bulk-" + configured), level)) {
            checks.add(new ProbeCheck("bulk endpoint", "POST /agents/skills with skills[]." + configured + ": kept",
                    assumed, Verdict.MATCHES, ""));
            return;
        }
        Answer second = write(session, api, agentId, skillId, level, active, other);
        boolean otherKept = kept(held.read("after-bulk-" + other), level);
        String seen = "skills[]." + configured + ": " + answer.describe() + " and not kept; skills[]." + other + ": "
                + second.describe() + (otherKept ? " and kept" : " and not kept");
        if (otherKept) {
            checks.add(new ProbeCheck("bulk endpoint", seen, assumed, mode == WriteMode.BULK ? Verdict.SET : Verdict.TOLERATED,
                    mode == WriteMode.BULK ? "skillsync.cxone.bulk-skill-item=" + other : ""));
        } else {
            checks.add(new ProbeCheck("bulk endpoint", seen, assumed, mode == WriteMode.BULK ? Verdict.SET : Verdict.MATCHES,
                    mode == WriteMode.BULK ? "skillsync.cxone.write-mode=per-skill" : ""));
        }
    }

    private static Answer write(ProbeSession session, String api, long agentId, long skillId, int level, boolean active,
            String item) throws IOException {
        String skill = item.equals("skillIds") ? "\"skillIds\":[\"" + skillId + "\"]" : "\"skillId\":" + skillId;
        return session.api("bulk-write-" + item, "POST", api + "/agents/skills", "{\"agentAndSkillDetails\":[{\"agentIds\":[\""
                + agentId + "\"],\"skills\":[{" + skill + ",\"proficiency\":" + level + ",\"isActive\":" + active + "}]}]}");
    }

    private static boolean kept(JsonNode now, int level) {
        return now != null && CxoneJson.number(now.path("agentProficiencyValue"), -1) == level;
    }
}
