package io.skillsync.simulator;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import io.skillsync.SkillSyncConfig;
import io.skillsync.SkillSyncConfig.Simulator.Credentials;

/**
 * A CXone tenant held in memory, enforcing the slice of the API in cxone-api.md: OAuth tokens that
 * expire, paged reads, per-item write results, POST only for new and PUT only for existing assignments,
 * and a request limit over a sliding window answered with 429. It serves dev mode and the tests
 * ({@code skillsync.simulator.enabled}); production never enables it.
 */
@ApplicationScoped
public class TenantSimulator {

    public record Agent(long agentId, String email, String firstName, String lastName, boolean active) {
    }

    public record Skill(long skillId, String name, boolean active) {
    }

    public record Assignment(long agentId, long skillId, int proficiency, boolean active) {
    }

    /** One request the tenant received, as tests inspect it. */
    public record Request(String method, String path, String query, Map<String, String> headers, String body,
            int status, long at) {

        public Request(String method, String path, String query, Map<String, String> headers, String body, int status) {
            this(method, path, query, headers, body, status, System.currentTimeMillis());
        }
    }

    /**
     * How the tenant misbehaves, set by tests (and reset by {@link #seed}): the faults of cxone-api.md's
     * "Errors and limits", each one switchable on its own.
     */
    public static final class Faults {
        /** Share of API requests answered 503, drawn from a seeded random so runs repeat. */
        public volatile double serverErrorRate;
        /** Sent with every 429, in seconds; null sends none. */
        public volatile Integer retryAfterSeconds;
        /** The token endpoint refuses every client (wrong id/secret). */
        public volatile boolean refuseCredentials;
        /** Writes are answered 403 (the API user lacks a permission). */
        public volatile boolean forbidWrites;
        /** Agents whose items fail inside a 200 ("locked"). */
        public final Set<Long> refusedAgents = ConcurrentHashMap.newKeySet();
        /** Agents whose presence makes CXone refuse the whole write with 400. */
        public final Set<Long> poisonedAgents = ConcurrentHashMap.newKeySet();
        /** Every n-th written item is answered success but not kept (0: none). */
        public volatile int dropEveryNthWrite;
        /** Lifetime of new tokens, overriding the configured one; null keeps it. */
        public volatile Duration tokenLifetime;
        /** Requests per window, overriding the configured limit; null keeps it. */
        public volatile Integer rateLimit;
        /**
         * Assignments ("agentId:skillId") reads leave out until SkillSync writes them, as if someone made
         * them in the admin UI just after SkillSync read the tenant.
         */
        public final Set<String> hiddenFromReads = ConcurrentHashMap.newKeySet();

        private final Random random = new Random(42);
        private final AtomicInteger writtenItems = new AtomicInteger();

        public boolean serverError() {
            synchronized (random) {
                return serverErrorRate > 0 && random.nextDouble() < serverErrorRate;
            }
        }

        boolean dropThisWrite() {
            int n = dropEveryNthWrite;
            return n > 0 && writtenItems.incrementAndGet() % n == 0;
        }
    }

    private final Duration tokenLifetime;
    private final int rateLimit;
    private final Duration rateWindow;
    private final Credentials credentials;
    private volatile Faults faults = new Faults();

    private final Map<Long, Agent> agents = new LinkedHashMap<>();
    private final Map<Long, Skill> skills = new LinkedHashMap<>();
    /** agentId -> skillId -> assignment, ordered so that pages are stable. */
    private final TreeMap<Long, TreeMap<Long, Assignment>> assignments = new TreeMap<>();
    private final Map<String, Long> tokens = new ConcurrentHashMap<>();
    private final Deque<Long> accepted = new ArrayDeque<>();
    private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger tooMany = new AtomicInteger();

    TenantSimulator(SkillSyncConfig config) {
        this.tokenLifetime = config.simulator().tokenLifetime();
        this.rateLimit = config.simulator().rateLimit();
        this.rateWindow = config.simulator().rateWindow();
        this.credentials = config.simulator().credentials();
        seedDefault();
    }

    /** The tenant the README's sample roster is written for: 200 veterans on Tier_1_Support, 100 new hires. */
    public synchronized void seedDefault() {
        List<Agent> people = new ArrayList<>();
        for (int i = 1; i <= 200; i++) {
            people.add(new Agent(445000 + i, "veteran" + i + "@example.com", "Veteran", "No" + i, true));
        }
        for (int i = 1; i <= 100; i++) {
            people.add(new Agent(446000 + i, "new.hire" + i + "@example.com", "New", "Hire" + i, true));
        }
        List<Skill> catalogue = defaultSkills();
        List<Assignment> held = new ArrayList<>();
        for (int i = 1; i <= 200; i++) {
            held.add(new Assignment(445000 + i, catalogue.get(0).skillId(), 10, true));
            if (i % 4 == 0) {
                held.add(new Assignment(445000 + i, catalogue.get(1).skillId(), 8, true));
            }
        }
        seed(people, catalogue, held);
    }

    public static List<Skill> defaultSkills() {
        return List.of(new Skill(112233, "Tier_1_Support", true), new Skill(112234, "Tier_2_Support", true),
                new Skill(112235, "Retention", true), new Skill(112236, "Billing", true),
                new Skill(112237, "Sales_Escalations", true), new Skill(112238, "Spanish_Voice", true));
    }

    /** Replaces the whole tenant, and forgets every request it saw. */
    public synchronized void seed(List<Agent> agentList, List<Skill> skillList, List<Assignment> held) {
        agents.clear();
        skills.clear();
        assignments.clear();
        agentList.forEach(a -> agents.put(a.agentId(), a));
        skillList.forEach(s -> skills.put(s.skillId(), s));
        held.forEach(this::put);
        requests.clear();
        accepted.clear();
        tooMany.set(0);
        tokens.clear();
        faults = new Faults();
    }

    public Faults faults() {
        return faults;
    }

    /** Every token issued so far stops working, as after a key rotation: the next API request gets 401. */
    public void revokeTokens() {
        tokens.clear();
    }

    // --- what the API does -------------------------------------------------------------------------

    public synchronized String issueToken() {
        String token = UUID.randomUUID().toString();
        tokens.put(token, System.currentTimeMillis() + tokenLifetime().toMillis());
        return token;
    }

    private Duration tokenLifetime() {
        Duration override = faults.tokenLifetime;
        return override != null ? override : tokenLifetime;
    }

    public long tokenLifetimeSeconds() {
        return Math.max(1, tokenLifetime().toSeconds());
    }

    public Credentials credentials() {
        return credentials;
    }

    public boolean tokenValid(String token) {
        Long expires = token == null ? null : tokens.get(token);
        return expires != null && expires > System.currentTimeMillis();
    }

    /** Admits a request under the sliding-window limit; false means 429. */
    public synchronized boolean admit() {
        long now = System.currentTimeMillis();
        while (!accepted.isEmpty() && accepted.peekFirst() <= now - rateWindow.toMillis()) {
            accepted.removeFirst();
        }
        Integer override = faults.rateLimit;
        if (accepted.size() >= (override != null ? override : rateLimit)) {
            tooMany.incrementAndGet();
            return false;
        }
        accepted.addLast(now);
        return true;
    }

    public synchronized List<Skill> skills() {
        return List.copyOf(skills.values());
    }

    public synchronized List<Agent> agents() {
        return List.copyOf(agents.values());
    }

    public synchronized List<Assignment> assignments() {
        List<Assignment> all = new ArrayList<>();
        assignments.values().forEach(bySkill -> all.addAll(bySkill.values()));
        return all;
    }

    /** What a read of the API shows: every assignment but those a test hides. */
    public synchronized List<Assignment> readableAssignments() {
        return assignments().stream().filter(this::readable).toList();
    }

    public synchronized List<Assignment> assignmentsOf(long agentId) {
        return assignments.getOrDefault(agentId, new TreeMap<>()).values().stream().filter(this::readable).toList();
    }

    private boolean readable(Assignment a) {
        return !faults.hiddenFromReads.contains(a.agentId() + ":" + a.skillId());
    }

    public synchronized Assignment assignment(long agentId, long skillId) {
        return assignments.getOrDefault(agentId, new TreeMap<>()).get(skillId);
    }

    public synchronized boolean hasAgent(long agentId) {
        return agents.containsKey(agentId);
    }

    public synchronized boolean hasSkill(long skillId) {
        return skills.containsKey(skillId);
    }

    public synchronized String skillName(long skillId) {
        Skill skill = skills.get(skillId);
        return skill == null ? "" : skill.name();
    }

    /**
     * Applies one item of a write. POST assigns only an agent without the skill; PUT changes only an existing
     * assignment; bulk ({@code verb} null) does either.
     *
     * @return null on success, else the item's error as CXone words it
     */
    public synchronized String write(String verb, long agentId, long skillId, Integer proficiency, Boolean active) {
        if (!agents.containsKey(agentId)) {
            return "Agent " + agentId + " was not found";
        }
        if (!skills.containsKey(skillId)) {
            return "Skill " + skillId + " was not found";
        }
        Assignment current = assignment(agentId, skillId);
        if ("POST".equals(verb) && current != null) {
            return "Agent is already assigned to this skill";
        }
        if ("PUT".equals(verb) && current == null) {
            return "Agent is not assigned to this skill";
        }
        int level = proficiency != null ? proficiency : current != null ? current.proficiency() : -1;
        if (level < 1 || level > 20) {
            return "Proficiency must be between 1 and 20";
        }
        if (faults.refusedAgents.contains(agentId)) {
            return "Agent " + agentId + " is locked for editing";
        }
        if (faults.dropThisWrite()) {
            // answered as success, kept nowhere: what practitioners report CXone sometimes does
            return null;
        }
        put(new Assignment(agentId, skillId, level, active != null ? active : current == null || current.active()));
        faults.hiddenFromReads.remove(agentId + ":" + skillId);
        return null;
    }

    private void put(Assignment assignment) {
        assignments.computeIfAbsent(assignment.agentId(), a -> new TreeMap<>()).put(assignment.skillId(), assignment);
    }

    // --- what tests look at -------------------------------------------------------------------------

    public void log(Request request) {
        requests.add(request);
    }

    public List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    public long count(String method, String pathPrefix) {
        return requests().stream().filter(r -> r.method().equals(method) && r.path().startsWith(pathPrefix)).count();
    }

    /** Requests that changed something: POST and PUT to the API (not the token endpoint). */
    public long writes() {
        return requests().stream().filter(r -> !r.method().equals("GET") && !r.path().startsWith("/auth")).count();
    }

    public long reads() {
        return requests().stream().filter(r -> r.method().equals("GET")).count();
    }

    public int tooManyRequests() {
        return tooMany.get();
    }

    public void forgetRequests() {
        requests.clear();
        tooMany.set(0);
    }
}
