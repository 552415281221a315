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

/**
 * The tenant's agents and skills, read whole with the paged {@code GET /agents} and {@code GET /skills}
 * and cached across runs ({@code quarkus.cache.caffeine."cxone-agents".expire-after-write}). A run that
 * meets a name the cached list lacks may refresh that list once, when the list is older than the run:
 * a new hire created in CXone this afternoon must not be refused tonight.
 */
@ApplicationScoped
public class TenantDirectory {

    private static final Logger LOG = Logger.getLogger(TenantDirectory.class);
    private static final String ALL = "all";

    private final CxonePages cxone;
    private final Cache agentsCache;
    private final Cache skillsCache;

    TenantDirectory(CxonePages cxone, @CacheName("cxone-agents") Cache agentsCache,
            @CacheName("cxone-skills") Cache skillsCache) {
        this.cxone = cxone;
        this.agentsCache = agentsCache;
        this.skillsCache = skillsCache;
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
        Map<String, Long> byEmail = new HashMap<>();
        Map<Long, String> byId = new HashMap<>();
        int requests = cxone.readAll("/agents", "agents", agent -> {
            long id = agent.path("agentId").asLong();
            String email = agent.path("emailAddress").asText(agent.path("userName").asText(""));
            byId.put(id, email.toLowerCase(Locale.ROOT));
            if (!email.isBlank()) {
                byEmail.put(email.toLowerCase(Locale.ROOT), id);
            }
            String userName = agent.path("userName").asText("");
            if (!userName.isBlank()) {
                byEmail.putIfAbsent(userName.toLowerCase(Locale.ROOT), id);
            }
        });
        LOG.infof("read %d agents from CXone in %d request(s)", byId.size(), requests);
        return new Agents(Map.copyOf(byEmail), Map.copyOf(byId), Instant.now());
    }

    private Skills loadSkills() {
        Map<String, Long> byName = new HashMap<>();
        Map<String, List<Long>> byLowerName = new HashMap<>();
        Map<Long, String> byId = new HashMap<>();
        int requests = cxone.readAll("/skills", "skills", skill -> {
            long id = skill.path("skillId").asLong();
            String name = skill.path("skillName").asText("");
            byId.put(id, name);
            byName.put(name, id);
            byLowerName.computeIfAbsent(name.toLowerCase(Locale.ROOT), n -> new ArrayList<>()).add(id);
        });
        LOG.infof("read %d skills from CXone in %d request(s)", byId.size(), requests);
        return new Skills(Map.copyOf(byName), Map.copyOf(byLowerName), Map.copyOf(byId), Instant.now());
    }

    /** @param byEmail lower-cased e-mail (or user name) to agentId */
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
         * @return the skillId; null when none; -1 when several skills differ from the name only in case
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
            return byCase.size() == 1 ? byCase.get(0) : -1L;
        }
    }
}
