package io.skillsync.probe;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.skillsync.config.SkillSyncConfig;
import io.skillsync.cxone.CxoneJson;
import io.skillsync.cxone.CxonePages;
import io.skillsync.probe.ProbeCheck.Verdict;
import io.skillsync.probe.ProbeSession.Answer;
import io.skillsync.config.CxoneSettings;
import io.skillsync.cxone.TokenForm;

/**
 * The conformance probe (README, "Before go-live"): asks the operator's sandbox tenant, with the
 * production configuration, each point cxone-api.md marks likely or unknown, and prints what CXone did
 * beside what SkillSync assumes and the setting to change. Read-only unless given an agent and a skill;
 * then it writes on that one assignment and puts it back as it was. Under 40 requests, paced at the limit.
 */
@ApplicationScoped
public class ConformanceProbe {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    /**
     * @param agentEmail an agent whose assignment the probe may change and put back (with {@code skillName})
     * @param skillName  a skill that agent holds
     * @param spareSkill a skill the agent does not hold, to try PUT on a missing assignment (left inactive if CXone assigns it)
     */
    public record Options(String agentEmail, String skillName, String spareSkill) {
        public boolean writes() {
            return agentEmail != null && skillName != null;
        }
    }

    /** The probe's findings, and where it saved them. */
    public record Report(List<ProbeCheck> checks, int requests, Path json, Path fixtures) {
        public boolean settingsNeeded() {
            return checks.stream().anyMatch(c -> c.verdict() == Verdict.SET || c.verdict() == Verdict.UNSUPPORTED
                    || c.verdict() == Verdict.ATTENTION);
        }

        public Optional<ProbeCheck> check(String name) {
            return checks.stream().filter(c -> c.check().equals(name)).findFirst();
        }

        /** The table as a terminal shows it. */
        public String table() {
            StringBuilder out = new StringBuilder();
            out.append(String.format("%-34s | %-9s | %-58s | %-40s | %s%n", "check", "verdict", "what CXone did",
                    "what SkillSync assumes", "setting to change"));
            out.append("-".repeat(175)).append('\n');
            for (ProbeCheck c : checks) {
                out.append(String.format("%-34s | %-9s | %-58s | %-40s | %s%n", c.check(), c.verdict().label(), c.observed(),
                        c.assumed(), c.setting()));
            }
            out.append(String.format("%d request(s); saved as %s, raw answers (scrubbed) in %s%n", requests, json, fixtures));
            return out.toString();
        }
    }

    private final SkillSyncConfig config;
    private final ObjectMapper json;

    ConformanceProbe(SkillSyncConfig config, ObjectMapper json) {
        this.config = config;
        this.json = json;
    }

    public Report run(Options options) throws IOException {
        CxoneSettings cxone = config.cxone();
        Path dir = Path.of(config.workDir(), "probe", STAMP.format(Instant.now()));
        ProbeSession session = new ProbeSession(json, cxone.requestsPerMinute(), dir.resolve("fixtures"),
                cxone.connectTimeout(), cxone.correlation().requestHeader());
        List<ProbeCheck> checks = new ArrayList<>();
        try {
            String api = token(session, checks);
            if (api != null) {
                reads(session, checks, api);
                if (options.writes()) {
                    writes(session, checks, api, options);
                } else {
                    checks.add(new ProbeCheck("writes", "not tried (read-only: give --agent and --skill to try them)",
                            "-", Verdict.UNKNOWN, ""));
                }
            }
        } catch (IOException e) {
            checks.add(new ProbeCheck("probe", "stopped: " + e.getMessage(), "-", Verdict.UNKNOWN, ""));
        }
        Path report = dir.resolve("probe.json");
        ObjectNode saved = json.createObjectNode().put("requests", session.requests());
        ArrayNode lines = saved.putArray("checks");
        checks.forEach(c -> lines.addObject().put("check", c.check()).put("verdict", c.verdict().label())
                .put("observed", c.observed()).put("assumed", c.assumed()).put("setting", c.setting()));
        Files.createDirectories(dir);
        Files.writeString(report, json.writerWithDefaultPrettyPrinter().writeValueAsString(saved));
        return new Report(List.copyOf(checks), session.requests(), report, dir.resolve("fixtures"));
    }

    // --- token and discovery -----------------------------------------------------------------------

    /** @return the API's base URL, or null when the probe cannot go on */
    private String token(ProbeSession session, List<ProbeCheck> checks) throws IOException {
        CxoneSettings cxone = config.cxone();
        String clientId = cxone.clientId().orElse("");
        String secret = cxone.clientSecret().orElse("");
        String assumed = cxone.grant() + " grant, client auth " + cxone.clientAuth();
        if (cxone.grant().equals("password") && (cxone.accessKeyId().isEmpty() || cxone.accessKeySecret().isEmpty())) {
            checks.add(new ProbeCheck("token", "not asked: no access key configured", assumed, Verdict.SET,
                    "skillsync.cxone.access-key-id / access-key-secret"));
            return null;
        }
        Answer answer = session.token("token", cxone.tokenUrl(), form(cxone.clientAuth()),
                TokenForm.basic(cxone.clientAuth(), clientId, secret));
        String authUsed = cxone.clientAuth();
        if (!answer.ok()) {
            // the other client authentication may be the one this app is registered for
            String other = authUsed.equals("basic") ? "post" : "basic";
            Answer retry = session.token("token-" + other, cxone.tokenUrl(), form(other), TokenForm.basic(other, clientId, secret));
            if (retry.ok()) {
                checks.add(new ProbeCheck("token", "refused with client auth " + authUsed + " (" + answer.describe()
                        + "), granted with " + other, assumed, Verdict.SET, "skillsync.cxone.client-auth=" + other));
                answer = retry;
                authUsed = other;
            } else {
                checks.add(new ProbeCheck("token", "refused: " + answer.describe() + " " + oauthError(answer)
                        + "; with client auth " + other + ": " + retry.describe(), assumed, Verdict.SET,
                        "check client-id/client-secret and the access key"));
                return null;
            }
        } else {
            checks.add(new ProbeCheck("token", "granted: " + cxone.grant() + " grant, client auth " + authUsed, assumed,
                    Verdict.MATCHES, ""));
        }
        session.bearer(answer.body().path("access_token").asText(""));
        long lifetime = CxoneJson.number(answer.body().path("expires_in"), -1);
        checks.add(new ProbeCheck("token lifetime", lifetime < 0 ? "no expires_in (taken as 3600 s)" : lifetime + " s",
                "expires_in given; renewed at 80%", lifetime < 0 ? Verdict.TOLERATED : lifetime < 120 ? Verdict.SET : Verdict.MATCHES,
                lifetime >= 0 && lifetime < 120 ? "skillsync.cxone.token-renew-share=0.5" : ""));
        String tenantId = TokenForm.tenantOf(answer.body().path("id_token").asText(null), json);
        return discovery(session, checks, tenantId);
    }

    private String form(String clientAuth) {
        CxoneSettings cxone = config.cxone();
        return TokenForm.form(cxone.grant(), clientAuth, cxone.clientId().orElse(""), cxone.clientSecret().orElse(""),
                cxone.accessKeyId().orElse(""), cxone.accessKeySecret().orElse(""));
    }

    private String oauthError(Answer answer) {
        JsonNode error = answer.body().path("error");
        return error.isTextual() ? "error " + error.asText().replaceAll("[^A-Za-z0-9_ .-]", "") : "";
    }

    private String discovery(ProbeSession session, List<ProbeCheck> checks, String tenantId) throws IOException {
        CxoneSettings cxone = config.cxone();
        Optional<String> configured = cxone.apiUrl().map(String::strip).filter(u -> !u.isEmpty()).map(ConformanceProbe::trim);
        String assumed = configured.map(u -> "api-url " + u).orElse("discovered from the id_token's tenantId");
        if (tenantId == null) {
            checks.add(new ProbeCheck("discovery", "the id_token names no tenantId", assumed,
                    configured.isPresent() ? Verdict.TOLERATED : Verdict.SET, configured.isPresent() ? "" : "skillsync.cxone.api-url"));
            return configured.orElse(null);
        }
        Answer answer = session.get("discovery", trim(cxone.discoveryUrl()) + "/.well-known/cxone-configuration?tenantId="
                + URLEncoder.encode(tenantId, StandardCharsets.UTF_8));
        String host = answer.body().path("api_endpoint").asText("");
        if (!answer.ok() || host.isBlank()) {
            checks.add(new ProbeCheck("discovery", "tenant " + tenantId + ": " + answer.describe() + ", no api_endpoint",
                    assumed, configured.isPresent() ? Verdict.TOLERATED : Verdict.SET,
                    configured.isPresent() ? "" : "skillsync.cxone.api-url"));
            return configured.orElse(null);
        }
        String discovered = trim(host) + cxone.apiPath();
        if (configured.isEmpty() || configured.get().equals(discovered)) {
            checks.add(new ProbeCheck("discovery", "tenant " + tenantId + " -> " + discovered, assumed, Verdict.MATCHES, ""));
        } else {
            checks.add(new ProbeCheck("discovery", "tenant " + tenantId + " -> " + discovered, assumed, Verdict.SET,
                    "skillsync.cxone.api-url=" + discovered + " (or unset it)"));
        }
        return configured.orElse(discovered);
    }

    // --- reads -------------------------------------------------------------------------------------

    private void reads(ProbeSession session, List<ProbeCheck> checks, String api) throws IOException {
        CxoneSettings cxone = config.cxone();
        Answer unit = session.api("business-unit", "GET", api + "/business-unit", null);
        long limit = findNumber(unit.body(), "apiPublishedLimit");
        String assumedLimit = cxone.requestsPerMinute() + " requests/min";
        if (limit <= 0) {
            checks.add(new ProbeCheck("API limit", unit.describe() + ", no apiPublishedLimit", assumedLimit, Verdict.UNKNOWN, ""));
        } else {
            boolean fits = cxone.requestsPerMinute() <= limit;
            checks.add(new ProbeCheck("API limit", "apiPublishedLimit " + limit, assumedLimit, fits ? Verdict.MATCHES : Verdict.SET,
                    fits ? "" : "skillsync.cxone.requests-per-minute=" + limit + " (or less: the limit is shared)"));
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
        assignments(session, checks, api);
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
            checks.add(new ProbeCheck("assignment read parameters", "without: " + plain.describe()
                    + "; with isActive and isAgentActive: " + with.describe(), configured.isEmpty() ? "none" : configured.substring(1),
                    with.ok() ? Verdict.SET : Verdict.UNSUPPORTED, with.ok()
                            ? "skillsync.cxone.reads.assignments-query=isAgentActive=true and reads.inactive-assignments=by-flag"
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
        if (agentId == 0) {
            checks.add(new ProbeCheck("per-agent items name agentId", "no assignment to look at", "no (taken from the path)",
                    Verdict.UNKNOWN, ""));
            checks.add(new ProbeCheck("inactive assignments returned", "no assignment to look at", "by-flag: "
                    + reads.inactiveAssignments(), Verdict.UNKNOWN, ""));
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
        String mode = reads.inactiveAssignments();
        Verdict verdict = returned ? Verdict.MATCHES : mode.equals("by-flag") ? Verdict.MATCHES : Verdict.SET;
        checks.add(new ProbeCheck("inactive assignments returned", returned ? "yes, without asking" : "only when asked (isActive=false)",
                mode.equals("by-flag") ? "asked for (by-flag)" : "returned by an unfiltered read", verdict,
                verdict == Verdict.SET ? "skillsync.cxone.reads.inactive-assignments=by-flag" : ""));
    }

    // --- writes ------------------------------------------------------------------------------------

    private void writes(ProbeSession session, List<ProbeCheck> checks, String api, Options options) throws IOException {
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
            Answer twenty = session.api("put-proficiency-20", "PUT", path, agents(agentId, 20, active));
            JsonNode after = held(session, api, agentId, skillId, "after-20");
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
                        ? "refused: '" + spare.path("error").asText("") + "'" : "assigned it (left inactive at 20: CXone has no delete)",
                        "refused per item; SkillSync re-reads and sends POST", putRefused ? Verdict.MATCHES : Verdict.TOLERATED, ""));
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

            Answer bulk = session.api("bulk-write", "POST", api + "/agents/skills", "{\"agentAndSkillDetails\":[{\"agentIds\":[\""
                    + agentId + "\"],\"skills\":[{\"skillId\":" + skillId + ",\"proficiency\":" + level + ",\"isActive\":" + active
                    + "}]}]}");
            String mode = config.cxone().writeMode();
            checks.add(new ProbeCheck("bulk endpoint", "POST /agents/skills: " + bulk.describe(),
                    mode.equals("per-skill") ? "not used (write-mode per-skill)" : "used (write-mode " + mode + ")",
                    bulk.ok() ? Verdict.MATCHES : mode.equals("bulk") ? Verdict.SET : Verdict.MATCHES,
                    !bulk.ok() && mode.equals("bulk") ? "skillsync.cxone.write-mode=per-skill" : ""));
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
        String flags = config.cxone().reads().inactiveAssignments().equals("by-flag") ? "&isActive=false" : "";
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

    /** A read query setting as the reads send it (CxonePages.query), to append after skip/top. */
    private static String extra(Optional<String> query) {
        String q = CxonePages.query(query);
        return q == null ? "" : "&" + q;
    }

    /** A number field anywhere in an answer (its envelope is not published), or -1. */
    private static long findNumber(JsonNode body, String field) {
        JsonNode found = body.findValue(field);
        return found == null ? -1 : CxoneJson.number(found, -1);
    }

    private static String trim(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
