package io.skillsync.cxone;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import org.jboss.logging.Logger;

import io.skillsync.SkillSyncConfig;

/**
 * The tenant's agents and skills, read whole with the paged {@code GET /agents} and {@code GET /skills}
 * and cached across runs ({@code quarkus.cache.caffeine."cxone-agents".expire-after-write}). A run that
 * meets a name the cached list lacks may refresh that list once, when the list is older than the run:
 * a new hire created in CXone this afternoon must not be refused tonight.
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
    private static final String ALL = "all";

    private final CxonePages cxone;
    private final Cache agentsCache;
    private final Cache skillsCache;
    private final String agentsQuery;
    private final String skillsQuery;

    TenantDirectory(CxonePages cxone, @CacheName("cxone-agents") Cache agentsCache,
            @CacheName("cxone-skills") Cache skillsCache, SkillSyncConfig config) {
        this.cxone = cxone;
        this.agentsCache = agentsCache;
        this.skillsCache = skillsCache;
        this.agentsQuery = CxonePages.query(config.cxone().reads().agentsQuery());
        this.skillsQuery = CxonePages.query(config.cxone().reads().skillsQuery());
    }

    public Agents agents() {
        return agentsCache.get(ALL, k -> loadAgents()).await().indefinitely();
    }

    public Skills skills() {
        return skillsCache.get(ALL, k -> loadSkills()).await().indefinitely();
    }

    /** The agents again, read anew if the cached list predates {@code runStarted}. */
    public Agents agentsNewerThan(Instant runStarted) {
        if (agents().loaded().isBefore(runStarted)) {
            agentsCache.invalidate(ALL).await().indefinitely();
        }
        return agents();
    }

    public Skills skillsNewerThan(Instant runStarted) {
        if (skills().loaded().isBefore(runStarted)) {
            skillsCache.invalidate(ALL).await().indefinitely();
        }
        return skills();
    }

    /** CXone no longer knows an agent or skill that the cache does (404): read both lists anew next time. */
    public void forget() {
        agentsCache.invalidateAll().await().indefinitely();
        skillsCache.invalidateAll().await().indefinitely();
    }

    private Agents loadAgents() {
        Map<String, List<Account>> byEmail = new HashMap<>();
        Map<Long, String> byId = new HashMap<>();
        int[] hidden = { 0 };
        int requests = cxone.readAll("/agents", agentsQuery, "agents", agent -> {
            long id = CxoneJson.number(agent.path("agentId"), 0);
            if (id == 0) {
                return;
            }
            boolean active = CxoneJson.bool(agent.path("isActive"), true);
            String email = agent.path("emailAddress").asText("").toLowerCase(Locale.ROOT);
            String userName = agent.path("userName").asText("").toLowerCase(Locale.ROOT);
            byId.put(id, email.isBlank() ? userName : email);
            for (String name : email.equals(userName) ? List.of(email) : List.of(email, userName)) {
                if (!name.isBlank()) {
                    byEmail.computeIfAbsent(name, n -> new ArrayList<>(1)).add(new Account(id, active));
                }
            }
        }, page -> hidden[0] = Math.max(hidden[0], (int) CxoneJson.number(page.path("hiddenAgents"), 0)));
        Map<String, Long> resolved = new HashMap<>();
        int ambiguous = 0;
        for (Map.Entry<String, List<Account>> entry : byEmail.entrySet()) {
            long id = meant(entry.getValue());
            ambiguous += id == AMBIGUOUS ? 1 : 0;
            resolved.put(entry.getKey(), id);
        }
        LOG.infof("read %d agents from CXone in %d request(s)%s", byId.size(), requests,
                ambiguous == 0 ? "" : "; " + ambiguous + " e-mail address(es) belong to several active agents: rows naming them are rejected");
        if (hidden[0] > 0) {
            LOG.warnf("CXone says %d agent(s) are hidden from SkillSync's API user: rows naming them are rejected as "
                    + "unknown; give the API user view rights on every team", hidden[0]);
        }
        return new Agents(Map.copyOf(resolved), Map.copyOf(byId), Instant.now());
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

    private Skills loadSkills() {
        Map<String, Long> byName = new HashMap<>();
        Map<String, List<Long>> byLowerName = new HashMap<>();
        Map<Long, String> byId = new HashMap<>();
        int requests = cxone.readAll("/skills", skillsQuery, "skills", skill -> {
            long id = CxoneJson.number(skill.path("skillId"), 0);
            if (id == 0 || byId.containsKey(id)) {
                return;
            }
            String name = skill.path("skillName").asText("");
            byId.put(id, name);
            // two skills spelled exactly alike: neither is meant
            byName.merge(name, id, (a, b) -> AMBIGUOUS);
            byLowerName.computeIfAbsent(name.toLowerCase(Locale.ROOT), n -> new ArrayList<>()).add(id);
        }, page -> { });
        LOG.infof("read %d skills from CXone in %d request(s)", byId.size(), requests);
        return new Skills(Map.copyOf(byName), Map.copyOf(byLowerName), Map.copyOf(byId), Instant.now());
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
