package io.skillsync.cxone;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.skillsync.config.CxoneSettings;
import io.skillsync.config.PerUnit;
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

    /** What this bean keeps of one unit's tenant, for each unit ({@link PerUnit}). */
    private final PerUnit<Held> state;
    /** The current unit's reads settings (refresh ages), read at each look. */
    private final CxoneSettings.Reads reads;

    TenantDirectory(CxonePages cxone, CxoneEndpoint endpoint, ObjectMapper json, SkillSyncConfig config) {
        // made on the unit's first look, from its settings and under its work dir
        this.state = new PerUnit<>(unit -> new Held(
                new DirectoryReads(cxone, CxonePages.query(config.cxone().reads().agentsQuery()),
                        CxonePages.query(config.cxone().reads().skillsQuery())),
                new KeptDirectory(endpoint::tenantKey, json, Path.of(config.workDir(), ".directory"))));
        this.reads = config.cxone().reads();
    }

    /**
     * The agents for a run that started at {@code runStarted}: asked what changed if the last look is older
     * than {@code agents-refresh} before it (so at most once a run), read whole if older than {@code full-refresh}.
     */
    public Agents agents(Instant runStarted) {
        Held held = state.get();
        synchronized (held) {
            refreshAgents(held, runStarted.minus(reads.agentsRefresh()), runStarted);
            return held.agents;
        }
    }

    /** The agents, asked anew (what changed) if the last look predates {@code runStarted}: a name was missing. */
    public Agents agentsNewerThan(Instant runStarted) {
        Held held = state.get();
        synchronized (held) {
            refreshAgents(held, runStarted, runStarted);
            return held.agents;
        }
    }

    /** The skills for a run that started at {@code runStarted}: read whole if older than {@code full-refresh} before it. */
    public Skills skills(Instant runStarted) {
        Held held = state.get();
        synchronized (held) {
            if (held.skills == null) {
                held.skills = held.kept.loadSkills();
            }
            if (held.skills == null || held.skills.loaded().isBefore(runStarted.minus(reads.fullRefresh()))) {
                held.skills = readSkills(held);
            }
            return held.skills;
        }
    }

    /** The skills as kept (the guard names a skill in its reason), read if none are. */
    public Skills skills() {
        return skills(Instant.EPOCH.plus(reads.fullRefresh()));
    }

    /** The skills, read anew if the kept list predates {@code runStarted}: a name was missing. */
    public Skills skillsNewerThan(Instant runStarted) {
        Held held = state.get();
        synchronized (held) {
            if (skills(runStarted).loaded().isBefore(runStarted)) {
                held.skills = readSkills(held);
            }
            return held.skills;
        }
    }

    /** How many times the directory was forgotten: what is kept of the tenant elsewhere is forgotten with it. */
    public int forgotten() {
        return state.get().forgotten;
    }

    /** CXone no longer knows an agent or skill that SkillSync does (404), or a test re-seeded: read both whole next time. */
    public void forget() {
        Held held = state.get();
        synchronized (held) {
            held.forgotten++;
            held.book = null;
            held.agents = null;
            held.skills = null;
            held.kept.delete();
        }
    }

    /** Makes the unit's kept agents at least as new as {@code freshAfter}: by what changed, or whole when due. */
    private void refreshAgents(Held held, Instant freshAfter, Instant runStarted) {
        if (held.book == null) {
            held.book = held.kept.loadAgents();
        }
        if (held.book != null && !held.book.checkedAt.isBefore(freshAfter)) {
            if (held.agents == null) {
                held.agents = held.book.lookups();
            }
            return;
        }
        Instant asked = Instant.now();
        boolean whole = held.book == null || held.book.fullAt.isBefore(runStarted.minus(reads.fullRefresh()));
        if (!whole && held.book.incremental == null) {
            String served = held.read.incrementalServed();
            held.book.incremental = served != null;
            if (served != null) {
                held.book.sinceParam = served;
            }
        }
        if (whole || !held.book.incremental) {
            Boolean known = held.book == null ? null : held.book.incremental;
            String name = held.book == null ? "updatedSince" : held.book.sinceParam;
            held.book = held.read.agentsWhole(asked);
            held.book.incremental = known;
            held.book.sinceParam = name;
        } else {
            held.read.changedAgents(held.book, asked);
        }
        held.agents = held.book.lookups();
        held.kept.saveAgents(held.book);
    }

    private Skills readSkills(Held held) {
        Instant asked = Instant.now();
        SkillBook book = held.read.skills();
        Skills lookups = book.lookups(asked);
        held.kept.saveSkills(book, asked);
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

    private static final class Held {
        final DirectoryReads read;
        final KeptDirectory kept;
        /** Times {@link #forget()} was called ({@link #forgotten()}). */
        volatile int forgotten;
        /** The agents as kept (null until first needed), and what the lookups are built from. */
        AgentBook book;
        volatile Agents agents;
        volatile Skills skills;

        Held(DirectoryReads read, KeptDirectory kept) {
            this.read = read;
            this.kept = kept;
        }
    }
}
