package io.skillsync.cxone;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jboss.logging.Logger;

import io.skillsync.config.SkillSyncConfig;

/**
 * The tenant's agents and skills, kept under the work dir ({@code .directory/}) across runs and restarts,
 * so that a run reads what changed rather than the whole tenant: after {@code agents-refresh} CXone is asked
 * for the agents changed since the last look ({@code GET /agents?updatedSince=}, with a two-minute overlap
 * for the clocks), merged in by agentId. Both lists are read whole on the first start, after
 * {@code full-refresh}, and after {@link #forget()}; a tenant that ignores updatedSince (a probe with a date
 * in the future brings agents back) is said once and read whole each time. A run that meets a name the
 * kept lists lack asks again once (a new hire created this afternoon must not be refused tonight): what
 * changed for agents, the whole list for skills (two pages).
 * <p>
 * Two accounts may share an e-mail (a rehire, a shared mailbox): the active one is meant; two active ones
 * (or only inactive ones) are ambiguous. Two skills spelled alike are ambiguous too. Ambiguous names are
 * {@link #AMBIGUOUS}: the row is rejected saying so, never resolved to a guess.
 */
@ApplicationScoped
public class TenantDirectory {

    /** What {@code idOf} answers for a name that several agents or skills share. */
    public static final long AMBIGUOUS = -1L;
    private static final Logger LOG = Logger.getLogger(TenantDirectory.class);
    /** updatedSince reaches this far before the last look: CXone's clock and ours may differ a little. */
    private static final Duration OVERLAP = Duration.ofMinutes(2);

    private final CxonePages cxone;
    private final CxoneEndpoint endpoint;
    private final ObjectMapper json;
    private final Path agentsFile;
    private final Path skillsFile;
    private final String agentsQuery;
    private final String skillsQuery;
    private final Duration agentsRefresh;
    private final Duration fullRefresh;

    /** The agents as kept (null until first needed), and what the lookups are built from. */
    private AgentBook book;
    private volatile Agents agents;
    private volatile Skills skills;

    TenantDirectory(CxonePages cxone, CxoneEndpoint endpoint, ObjectMapper json, SkillSyncConfig config) {
        this.cxone = cxone;
        this.endpoint = endpoint;
        this.json = json;
        Path dir = Path.of(config.workDir(), ".directory");
        this.agentsFile = dir.resolve("agents.json");
        this.skillsFile = dir.resolve("skills.json");
        this.agentsQuery = CxonePages.query(config.cxone().reads().agentsQuery());
        this.skillsQuery = CxonePages.query(config.cxone().reads().skillsQuery());
        this.agentsRefresh = config.cxone().reads().agentsRefresh();
        this.fullRefresh = config.cxone().reads().fullRefresh();
    }

    /**
     * The agents for a run that started at {@code runStarted}: asked what changed if the last look is older
     * than {@code agents-refresh} before it (so at most once a run), read whole if older than {@code full-refresh}.
     */
    public synchronized Agents agents(Instant runStarted) {
        refreshAgents(runStarted.minus(agentsRefresh), runStarted);
        return agents;
    }

    /** The agents, asked anew (what changed) if the last look predates {@code runStarted}: a name was missing. */
    public synchronized Agents agentsNewerThan(Instant runStarted) {
        refreshAgents(runStarted, runStarted);
        return agents;
    }

    /** The skills for a run that started at {@code runStarted}: read whole if older than {@code full-refresh} before it. */
    public synchronized Skills skills(Instant runStarted) {
        if (skills == null) {
            skills = loadSkills();
        }
        if (skills == null || skills.loaded().isBefore(runStarted.minus(fullRefresh))) {
            skills = readSkills();
        }
        return skills;
    }

    /** The skills as kept (the guard names a skill in its reason), read if none are. */
    public synchronized Skills skills() {
        return skills(Instant.EPOCH.plus(fullRefresh));
    }

    /** The skills, read anew if the kept list predates {@code runStarted}: a name was missing. */
    public synchronized Skills skillsNewerThan(Instant runStarted) {
        if (skills(runStarted).loaded().isBefore(runStarted)) {
            skills = readSkills();
        }
        return skills;
    }

    /** CXone no longer knows an agent or skill that SkillSync does (404), or a test re-seeded: read both whole next time. */
    public synchronized void forget() {
        book = null;
        agents = null;
        skills = null;
        try {
            Files.deleteIfExists(agentsFile);
            Files.deleteIfExists(skillsFile);
        } catch (IOException e) {
            LOG.warnf("could not delete the kept tenant directory: %s", e.getMessage());
        }
    }

    /** Makes the kept agents at least as new as {@code freshAfter}: by what changed, or whole when due. */
    private void refreshAgents(Instant freshAfter, Instant runStarted) {
        if (book == null) {
            book = loadAgents();
        }
        if (book != null && !book.checkedAt.isBefore(freshAfter)) {
            if (agents == null) {
                agents = book.lookups();
            }
            return;
        }
        Instant asked = Instant.now();
        boolean whole = book == null || book.fullAt.isBefore(runStarted.minus(fullRefresh));
        if (!whole && book.incremental == null) {
            book.incremental = incrementalServed();
        }
        if (whole || !book.incremental) {
            Boolean known = book == null ? null : book.incremental;
            book = readAgentsWhole(asked);
            book.incremental = known;
        } else {
            readChangedAgents(asked);
        }
        agents = book.lookups();
        save(agentsFile, book.toJson(json).put("tenant", endpoint.apiUrl()));
    }

    private AgentBook readAgentsWhole(Instant asked) {
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

    private void readChangedAgents(Instant asked) {
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
    private boolean incrementalServed() {
        String tomorrow = "updatedSince=" + Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);
        CxonePages.Page page = cxone.page("/agents", CxonePages.withQuery(tomorrow, agentsQuery), "agents", 0);
        if (page.items().size() > 0) {
            LOG.warnf("CXone ignores updatedSince on GET /agents (agents changed tomorrow came back): the agent list is"
                    + " read whole at each refresh (skillsync.cxone.reads.agents-refresh) instead of what changed");
            return false;
        }
        return true;
    }

    private AgentBook loadAgents() {
        try {
            if (!Files.exists(agentsFile)) {
                return null;
            }
            JsonNode kept = json.readTree(agentsFile.toFile());
            // a work dir pointed at another tenant (a sandbox, then production) starts from that tenant's answer
            return endpoint.apiUrl().equals(kept.path("tenant").asText()) ? AgentBook.fromJson(kept) : null;
        } catch (IOException | RuntimeException e) {
            LOG.warnf("the kept agent list %s cannot be read (%s): it is read from CXone whole", agentsFile, e.getMessage());
            return null;
        }
    }

    private Skills loadSkills() {
        try {
            if (!Files.exists(skillsFile)) {
                return null;
            }
            JsonNode kept = json.readTree(skillsFile.toFile());
            if (!endpoint.apiUrl().equals(kept.path("tenant").asText())) {
                return null;
            }
            SkillBook book = new SkillBook();
            kept.path("skills").forEach(skill -> book.put(skill.path("skillId").asLong(), skill.path("skillName").asText()));
            return book.lookups(Instant.parse(kept.path("readAt").asText()));
        } catch (IOException | RuntimeException e) {
            LOG.warnf("the kept skill list %s cannot be read (%s): it is read from CXone", skillsFile, e.getMessage());
            return null;
        }
    }

    private Skills readSkills() {
        Instant asked = Instant.now();
        SkillBook book = new SkillBook();
        int requests = cxone.readAll("/skills", skillsQuery, "skills",
                skill -> book.put(CxoneJson.number(skill.path("skillId"), 0), skill.path("skillName").asText("")), page -> { });
        LOG.infof("read %d skills from CXone in %d request(s)", book.byId.size(), requests);
        Skills read = book.lookups(asked);
        var kept = json.createObjectNode().put("tenant", endpoint.apiUrl()).put("readAt", asked.toString());
        var list = kept.putArray("skills");
        book.byId.forEach((id, name) -> list.addObject().put("skillId", id).put("skillName", name));
        save(skillsFile, kept);
        return read;
    }

    /** Written whole under a temporary name, then moved: a crash leaves the old list or the new one. */
    private void save(Path file, JsonNode content) {
        try {
            Files.createDirectories(file.getParent());
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            json.writeValue(temporary.toFile(), content);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // not kept is not lost: the next start reads the tenant whole
            LOG.warnf("could not keep the tenant directory in %s: %s", file, e.getMessage());
        }
    }

    /** The agents as kept: by agentId, with when they were last read whole and last asked what changed. */
    static final class AgentBook {
        final Map<Long, KeptAgent> byId = new LinkedHashMap<>();
        /** The lookups as last built; a change to the agents builds them again on the next ask. */
        private Agents built;
        Instant fullAt = Instant.EPOCH;
        Instant checkedAt = Instant.EPOCH;
        /** Whether CXone honours updatedSince: null until asked (at the first refresh after a whole read). */
        Boolean incremental;

        void put(JsonNode agent) {
            long id = CxoneJson.number(agent.path("agentId"), 0);
            if (id != 0) {
                built = null;
                byId.put(id, new KeptAgent(id, agent.path("emailAddress").asText("").toLowerCase(Locale.ROOT),
                        agent.path("userName").asText("").toLowerCase(Locale.ROOT), CxoneJson.bool(agent.path("isActive"), true)));
            }
        }

        int ambiguous() {
            return (int) lookups().byEmail().values().stream().filter(id -> id == AMBIGUOUS).count();
        }

        Agents lookups() {
            if (built == null || !built.loaded().equals(checkedAt)) {
                built = build();
            }
            return built;
        }

        private Agents build() {
            Map<String, List<Account>> byEmail = new HashMap<>();
            Map<Long, String> names = new HashMap<>();
            for (KeptAgent agent : byId.values()) {
                names.put(agent.id(), agent.email().isBlank() ? agent.userName() : agent.email());
                for (String name : agent.email().equals(agent.userName()) ? List.of(agent.email())
                        : List.of(agent.email(), agent.userName())) {
                    if (!name.isBlank()) {
                        byEmail.computeIfAbsent(name, n -> new ArrayList<>(1)).add(new Account(agent.id(), agent.active()));
                    }
                }
            }
            Map<String, Long> resolved = new HashMap<>();
            byEmail.forEach((name, accounts) -> resolved.put(name, meant(accounts)));
            return new Agents(Map.copyOf(resolved), Map.copyOf(names), checkedAt);
        }

        com.fasterxml.jackson.databind.node.ObjectNode toJson(ObjectMapper json) {
            var kept = json.createObjectNode().put("fullAt", fullAt.toString()).put("checkedAt", checkedAt.toString());
            if (incremental != null) {
                kept.put("incremental", incremental);
            }
            var list = kept.putArray("agents");
            byId.values().forEach(a -> list.addObject().put("agentId", a.id()).put("emailAddress", a.email())
                    .put("userName", a.userName()).put("isActive", a.active()));
            return kept;
        }

        static AgentBook fromJson(JsonNode kept) {
            AgentBook book = new AgentBook();
            kept.path("agents").forEach(book::put);
            book.fullAt = Instant.parse(kept.path("fullAt").asText());
            book.checkedAt = Instant.parse(kept.path("checkedAt").asText());
            book.incremental = kept.path("incremental").isBoolean() ? kept.path("incremental").asBoolean() : null;
            return book;
        }
    }

    record KeptAgent(long id, String email, String userName, boolean active) {
    }

    /** The skills as read: exact names, names by case, and ids. */
    static final class SkillBook {
        final Map<Long, String> byId = new LinkedHashMap<>();
        final Map<String, Long> byName = new HashMap<>();
        final Map<String, List<Long>> byLowerName = new HashMap<>();

        void put(long id, String name) {
            if (id == 0 || byId.containsKey(id)) {
                return;
            }
            byId.put(id, name);
            // two skills spelled exactly alike: neither is meant
            byName.merge(name, id, (a, b) -> AMBIGUOUS);
            byLowerName.computeIfAbsent(name.toLowerCase(Locale.ROOT), n -> new ArrayList<>()).add(id);
        }

        Skills lookups(Instant loaded) {
            return new Skills(Map.copyOf(byName), Map.copyOf(byLowerName), Map.copyOf(byId), loaded);
        }
    }

    /** The account an e-mail means: the only one, or the only active one; else ambiguous. */
    static long meant(List<Account> accounts) {
        if (accounts.size() == 1) {
            return accounts.get(0).id();
        }
        List<Account> active = accounts.stream().filter(Account::active).toList();
        long distinct = active.stream().mapToLong(Account::id).distinct().count();
        return distinct == 1 ? active.get(0).id() : AMBIGUOUS;
    }

    record Account(long id, boolean active) {
    }

    /** @param byEmail lower-cased e-mail (or user name) to agentId, {@link #AMBIGUOUS} when several agents share it */
    public record Agents(Map<String, Long> byEmail, Map<Long, String> byId, Instant loaded) {
        public Long idOf(String email) {
            return byEmail.get(email.toLowerCase(Locale.ROOT));
        }
    }

    public record Skills(Map<String, Long> byName, Map<String, List<Long>> byLowerName, Map<Long, String> byId,
            Instant loaded) {

        /**
         * The skill a name means: spelled exactly, or else differing only in case when just one skill does.
         *
         * @return the skillId; null when none; {@link #AMBIGUOUS} when several skills match
         */
        public Long idOf(String name) {
            Long exact = byName.get(name);
            if (exact != null) {
                return exact;
            }
            List<Long> byCase = byLowerName.get(name.toLowerCase(Locale.ROOT));
            if (byCase == null) {
                return null;
            }
            return byCase.size() == 1 ? byCase.get(0) : AMBIGUOUS;
        }
    }
}
