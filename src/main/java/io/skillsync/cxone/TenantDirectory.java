package io.skillsync.cxone;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

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
 * (or only inactive ones) are ambiguous. Two skills spelled alike are ambiguous too. What a name means is a
 * {@link Meant}: an ambiguous one is {@link Meant.Several}, and the row is rejected saying so, never resolved to a guess.
 */
@ApplicationScoped
public class TenantDirectory {

    /** How the kept lookups hold a name that several agents or skills share; callers are told a {@link Meant}. */
    static final long AMBIGUOUS = -1L;

    /** What a name means in the tenant: one agent or skill, several (ambiguous: never a guess), or none. */
    public sealed interface Meant {
        /** No agent or skill has the name. */
        Meant NONE = new None();

        /** The id when the name means one agent or skill; empty when none or several. */
        default Optional<Long> single() {
            return this instanceof One one ? Optional.of(one.id()) : Optional.empty();
        }

        /** The one agent or skill the name means. */
        record One(long id) implements Meant {
        }

        /** @param onlyInCase the skills differ only in case (no one of them is spelled exactly so) */
        record Several(boolean onlyInCase) implements Meant {
        }

        record None() implements Meant {
        }

        /** A kept lookup's id ({@link #AMBIGUOUS} for several, null for none) as what it means. */
        private static Meant of(Long kept, boolean onlyInCase) {
            return kept == null ? NONE : kept == AMBIGUOUS ? new Several(onlyInCase) : new One(kept);
        }
    }

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
        /** The agent an e-mail address (or user name) means. */
        public Meant meant(String email) {
            return Meant.of(byEmail.get(email.toLowerCase(Locale.ROOT)), false);
        }

        /** An agent CXone knows and holds active. */
        public boolean active(long agentId) {
            return byId.containsKey(agentId) && !inactive.contains(agentId);
        }
    }

    public record Skills(Map<String, Long> byName, Map<String, List<Long>> byLowerName, Map<Long, String> byId,
            Instant loaded) {

        /** A skill's name for a reason or a log line: "?" when the tenant no longer has it. */
        public String nameOf(long skillId) {
            String name = byId.get(skillId);
            return name == null ? "?" : name;
        }

        /** The skill a name means: spelled exactly, or else differing only in case when just one skill does. */
        public Meant meant(String name) {
            Long exact = byName.get(name);
            if (exact != null) {
                return Meant.of(exact, false);
            }
            List<Long> byCase = byLowerName.get(name.toLowerCase(Locale.ROOT));
            return byCase == null ? Meant.NONE : Meant.of(byCase.size() == 1 ? byCase.get(0) : AMBIGUOUS, true);
        }

        /** {@link #meant} as the kept lookups hold it: the skillId; null when none; {@link #AMBIGUOUS} when several. */
        Long idOf(String name) {
            Meant meant = meant(name);
            return meant instanceof Meant.One one ? Long.valueOf(one.id()) : meant instanceof Meant.Several ? AMBIGUOUS : null;
        }
    }
}
