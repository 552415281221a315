package io.skillsync.cxone;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;

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

    private final DirectoryReads read;
    private final KeptDirectory kept;
    private final Duration agentsRefresh;
    private final Duration fullRefresh;

    /** Times {@link #forget()} was called ({@link #forgotten()}). */
    private volatile int forgotten;
    /** The agents as kept (null until first needed), and what the lookups are built from. */
    private AgentBook book;
    private volatile Agents agents;
    private volatile Skills skills;

    TenantDirectory(CxonePages cxone, CxoneEndpoint endpoint, ObjectMapper json, SkillSyncConfig config) {
        this.read = new DirectoryReads(cxone, CxonePages.query(config.cxone().reads().agentsQuery()),
                CxonePages.query(config.cxone().reads().skillsQuery()));
        this.kept = new KeptDirectory(endpoint::tenantKey, json, Path.of(config.workDir(), ".directory"));
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
            skills = kept.loadSkills();
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

    /** How many times the directory was forgotten: what is kept of the tenant elsewhere is forgotten with it. */
    public int forgotten() {
        return forgotten;
    }

    /** CXone no longer knows an agent or skill that SkillSync does (404), or a test re-seeded: read both whole next time. */
    public synchronized void forget() {
        forgotten++;
        book = null;
        agents = null;
        skills = null;
        kept.delete();
    }

    /** Makes the kept agents at least as new as {@code freshAfter}: by what changed, or whole when due. */
    private void refreshAgents(Instant freshAfter, Instant runStarted) {
        if (book == null) {
            book = kept.loadAgents();
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
            String served = read.incrementalServed();
            book.incremental = served != null;
            if (served != null) {
                book.sinceParam = served;
            }
        }
        if (whole || !book.incremental) {
            Boolean known = book == null ? null : book.incremental;
            String name = book == null ? "updatedSince" : book.sinceParam;
            book = read.agentsWhole(asked);
            book.incremental = known;
            book.sinceParam = name;
        } else {
            read.changedAgents(book, asked);
        }
        agents = book.lookups();
        kept.saveAgents(book);
    }

    private Skills readSkills() {
        Instant asked = Instant.now();
        SkillBook book = read.skills();
        Skills lookups = book.lookups(asked);
        kept.saveSkills(book, asked);
        return lookups;
    }

    /**
     * @param byEmail  lower-cased e-mail (or user name) to agentId, {@link #AMBIGUOUS} when several agents share it
     * @param inactive the agents CXone holds inactive (a full roster leaves their assignments alone)
     */
    public record Agents(Map<String, Long> byEmail, Map<Long, String> byId, java.util.Set<Long> inactive, Instant loaded) {
        public Long idOf(String email) {
            return byEmail.get(email.toLowerCase(Locale.ROOT));
        }

        /** An agent CXone knows and holds active. */
        public boolean active(long agentId) {
            return byId.containsKey(agentId) && !inactive.contains(agentId);
        }
    }

    public record Skills(Map<String, Long> byName, Map<String, List<Long>> byLowerName, Map<Long, String> byId,
            Instant loaded) {

        /**
         * The skill a name means: spelled exactly, or else differing only in case when just one skill does.
         *
         * @return the skillId; null when none; {@link #AMBIGUOUS} when several skills match
         */
        /** A skill's name for a reason or a log line: "?" when the tenant no longer has it. */
        public String nameOf(long skillId) {
            String name = byId.get(skillId);
            return name == null ? "?" : name;
        }

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
