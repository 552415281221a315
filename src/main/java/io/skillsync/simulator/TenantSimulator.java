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
import jakarta.inject.Inject;

import io.skillsync.config.SimulatorSettings;
import io.skillsync.config.SimulatorSettings.Credentials;
import io.skillsync.config.SkillSyncConfig;

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

    /**
     * One request the tenant received, as tests inspect it. {@code caller} is whose credentials it carried, by
     * tenant name ({@link #DEFAULT} or a named tenant): the tenant whose client id a token request named, or the
     * tenant that issued an API request's bearer token; {@code "unknown"} when no tenant's, null when it carried
     * none. {@code tokenId} is the bearer token's {@link #tokenId} (never the token: the log is read by anyone).
     */
    public record Request(String method, String path, String query, Map<String, String> headers, String body,
            int status, long at, String caller, String tokenId) {

        public Request(String method, String path, String query, Map<String, String> headers, String body, int status,
                String caller, String tokenId) {
            this(method, path, query, headers, body, status, System.currentTimeMillis(), caller, tokenId);
        }
    }

    /** The default tenant's name, the one at {@code /sim}; no named tenant may take it. */
    public static final String DEFAULT = "default";

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
        /** The next n writes are answered 503 (CXone busy for a moment); each such answer counts one down. */
        public final java.util.concurrent.atomic.AtomicInteger busyWrites = new java.util.concurrent.atomic.AtomicInteger();
        /** Writes are answered 403 (the API user lacks a permission). */
        public volatile boolean forbidWrites;
        /** Agents whose items fail inside a 200 ("locked"). */
        public final Set<Long> refusedAgents = ConcurrentHashMap.newKeySet();
        /** Every API request is answered only after this long (ms): a tenant that hangs. */
        public volatile long stallMillis;
        /** Every write is refused as a whole with 400 and this reason (a cause in the request, not an item); null: none. */
        public volatile String refuseEveryWrite;
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

    /**
     * The ways a real tenant may differ from cxone-api.md's confirmed points (each an unknown or likely
     * point there). The default tenant speaks none of them; tests and {@code skillsync.simulator.dialects}
     * switch them on, one by one or together.
     */
    public enum Dialect {
        /** {@code GET /agents/{id}/skills} items carry no agentId (as NICE's schema lists them). */
        PER_AGENT_WITHOUT_AGENT_ID,
        /** Lists (and totalRecords) come under {@code resultSet}, as older API versions answer. */
        LISTS_UNDER_RESULT_SET,
        /** List pages are answered 206 Partial Content. */
        PARTIAL_CONTENT_PAGES,
        /** List pages carry no totalRecords. */
        NO_TOTAL_RECORDS,
        /** {@code skip} is ignored: every page is the first. */
        SKIP_IGNORED,
        /** {@code GET /agents/skills} answers 400 without isActive and isAgentActive. */
        REQUIRED_QUERY,
        /** Assignment reads leave inactive assignments out unless isActive=false is asked for. */
        INACTIVE_HIDDEN,
        /** POST on an existing assignment updates it; PUT on a missing one assigns it. */
        LENIENT_VERBS,
        /** Item errors say neither "already" nor "not assigned". */
        OTHER_ERROR_TEXTS,
        /** {@code agentResults} items carry no agentId (one per item sent, in order). */
        RESULTS_WITHOUT_AGENT_ID,
        /** A write of more than 50 items is refused as a whole with 400. */
        WHOLE_BATCH_400,
        /** Booleans come as strings ("True"/"False"). */
        BOOLEANS_AS_STRINGS,
        /** The runbook's {@code PUT /agents/skills} is served (it is in no NICE source). */
        RUNBOOK_BULK_PUT,
        /** {@code GET /agents?updatedSince=} answers every agent, as if the parameter were not there. */
        UPDATED_SINCE_IGNORED,
        /** {@code GET /skills/{skillId}/agents} is not served (404). */
        NO_SKILL_AGENTS,
        /** {@code GET /agents} answers 400 to {@code updatedSince} (a date it will not take). */
        UPDATED_SINCE_REFUSED,
        /** NICE's v34 spelling: {@code updateSince} filters {@code GET /agents}, {@code updatedSince} is ignored. */
        UPDATE_SINCE_SPELLING,
        /** The tenant's clock runs ten minutes behind SkillSync's (its change times and lastPollTime with it). */
        CLOCK_BEHIND,
        /** List answers carry no lastPollTime. */
        NO_LAST_POLL_TIME,
        /** {@code GET /skills/{skillId}/agents?updatedSince=} answers every holder, as if the parameter were not there. */
        HOLDERS_SINCE_IGNORED,
        /** {@code updatedSince} on a skill's holders filters by when the agent changed, not the assignment. */
        HOLDERS_SINCE_BY_AGENT,
        /** List pages hold at most 50 records whatever {@code top} asks, and carry no totalRecords. */
        PAGE_CAP,
        /** A bulk write's skills[] item names its skill as {@code skillIds: ["id"]}; {@code skillId} is ignored. */
        BULK_SKILL_IDS;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }

        public static Dialect of(String label) {
            return valueOf(label.strip().toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
        }
    }

    private final String name;
    private final String tenantId;
    private final Set<Dialect> configuredDialects;
    private volatile Set<Dialect> dialects;
    private final Duration tokenLifetime;
    private final int rateLimit;
    private final Duration rateWindow;
    private final Credentials credentials;
    private volatile Faults faults = new Faults();

    private final Map<Long, Agent> agents = new LinkedHashMap<>();
    /** When each agent was created or last changed, as CXone's updatedSince filter sees it. */
    private final Map<Long, java.time.Instant> agentUpdated = new java.util.HashMap<>();
    /** When each assignment ("agentId:skillId") was created or last changed, by the tenant's clock. */
    private final Map<String, java.time.Instant> assignmentUpdated = new java.util.HashMap<>();
    private final Map<Long, Skill> skills = new LinkedHashMap<>();
    /** agentId -> skillId -> assignment, ordered so that pages are stable. */
    private final TreeMap<Long, TreeMap<Long, Assignment>> assignments = new TreeMap<>();
    private final Map<String, Long> tokens = new ConcurrentHashMap<>();
    private final Deque<Long> accepted = new ArrayDeque<>();
    private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger tooMany = new AtomicInteger();
    /** Counts every change to agents or assignments: a kept list is good while it stands still. */
    private long changes;
    /**
     * The lists reads were paged from, kept until the tenant changes: without them each page of a 200,000-agent
     * tenant passed over all 200,000, and the benchmark measured the simulator rather than SkillSync.
     */
    private final Map<String, List<?>> lists = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, List<?>> eldest) {
            return size() > 32;
        }
    };

    /** The default tenant, at {@code /sim}: the one dev mode and every single-tenant test talk to. */
    @Inject
    TenantSimulator(SkillSyncConfig config) {
        this(DEFAULT, config.simulator().tenantId(), config.simulator().credentials(), config.simulator());
    }

    /**
     * A named tenant beside the default one ({@link SimulatedTenants}): the same settings, but its own tenantId and
     * credentials, each the default's suffixed {@code -<name>}, so that one tenant's token is nothing to another.
     */
    static TenantSimulator named(String name, SimulatorSettings settings) {
        Credentials own = settings.credentials();
        String suffix = "-" + name;
        return new TenantSimulator(name, settings.tenantId() + suffix, new NamedCredentials(own.clientId() + suffix,
                own.clientSecret() + suffix, own.accessKeyId() + suffix, own.accessKeySecret() + suffix), settings);
    }

    /** A named tenant's credentials, derived from the default's (dev and test values only, as those are). */
    private record NamedCredentials(String clientId, String clientSecret, String accessKeyId, String accessKeySecret)
            implements Credentials {
    }

    private TenantSimulator(String name, String tenantId, Credentials credentials, SimulatorSettings settings) {
        this.name = name;
        this.tenantId = tenantId;
        this.tokenLifetime = settings.tokenLifetime();
        this.rateLimit = settings.rateLimit();
        this.rateWindow = settings.rateWindow();
        this.credentials = credentials;
        Set<Dialect> configured = java.util.EnumSet.noneOf(Dialect.class);
        settings.dialects().ifPresent(list -> list.forEach(label -> configured.add(Dialect.of(label))));
        this.configuredDialects = java.util.Collections.unmodifiableSet(configured);
        this.dialects = configuredDialects;
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

    /**
     * A tenant of realistic size for a large contact center: 5,000 agents ({@code agent0001@example.com} ...),
     * 200 skills (the usual six and {@code Skill_0001} ...), every agent holding 7 of them at levels 1-20: as in
     * most contact centres the base skill {@code Tier_1_Support} is held by everyone, and 6 others are spread
     * evenly over the remaining 199 (about 150 holders each; 35,000 assignments). Deterministic.
     */
    public synchronized void seedRealistic() {
        List<Skill> catalogue = new ArrayList<>(defaultSkills());
        for (int n = 1; catalogue.size() < 200; n++) {
            catalogue.add(new Skill(200_000 + n, String.format("Skill_%04d", n), true));
        }
        List<Agent> people = new ArrayList<>();
        List<Assignment> held = new ArrayList<>();
        for (int n = 1; n <= 5000; n++) {
            people.add(new Agent(500_000 + n, String.format("agent%04d@example.com", n), "Agent", "No" + n, true));
            held.add(new Assignment(500_000 + n, catalogue.get(0).skillId(), 1 + n % 20, true));
            for (int k = 0; k < 6; k++) {
                // 6 consecutive skills after Tier_1_Support from a start that walks the rest of the catalogue
                held.add(new Assignment(500_000 + n, catalogue.get(1 + (n * 6 + k) % (catalogue.size() - 1)).skillId(),
                        1 + (n + k + 1) % 20, true));
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
        changes++;
        agents.clear();
        agentUpdated.clear();
        assignmentUpdated.clear();
        skills.clear();
        assignments.clear();
        // a tenant's agents were mostly created or changed long before tonight
        java.time.Instant seeded = java.time.Instant.now().minus(java.time.Duration.ofDays(30));
        agentList.forEach(a -> {
            agents.put(a.agentId(), a);
            agentUpdated.put(a.agentId(), seeded);
        });
        skillList.forEach(s -> skills.put(s.skillId(), s));
        held.forEach(this::put);
        assignmentUpdated.replaceAll((key, at) -> seeded);
        requests.clear();
        accepted.clear();
        tooMany.set(0);
        tokens.clear();
        faults = new Faults();
        dialects = configuredDialects;
    }

    /** The tenant speaks these dialects from now on (until the next {@link #seed}). */
    public void speak(Set<Dialect> spoken) {
        this.dialects = spoken.isEmpty() ? Set.of() : java.util.Collections.unmodifiableSet(java.util.EnumSet.copyOf(spoken));
    }

    public boolean speaks(Dialect dialect) {
        return dialects.contains(dialect);
    }

    public Set<Dialect> dialects() {
        return dialects;
    }

    public Faults faults() {
        return faults;
    }

    /** Every token issued so far stops working, as after a key rotation: the next API request gets 401. */
    public void revokeTokens() {
        tokens.clear();
    }

    // --- what the API does -------------------------------------------------------------------------

    /** {@link #DEFAULT}, or the name it answers under at {@code /sim/tenants/<name>}. */
    public String name() {
        return name;
    }

    /** The tenantId its id_token carries and its discovery answers for. */
    public String tenantId() {
        return tenantId;
    }

    public synchronized String issueToken() {
        // a named tenant's tokens carry its name, so that no two tenants' tokens could ever be mistaken (and a
        // failing test shows whose token went where); the default tenant's stay bare, as they always were
        String token = (name.equals(DEFAULT) ? "" : name + ".") + UUID.randomUUID();
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

    /** Whether this tenant issued {@code token}, expired or not (until it is revoked or the tenant seeded). */
    public boolean issued(String token) {
        return token != null && tokens.containsKey(token);
    }

    /**
     * A token's id for the request log: the first 12 hex digits of its SHA-256, enough to tell tokens apart and
     * useless to call the API with. A test holding a token compares its id with the log's.
     */
    public static String tokenId(String token) {
        try {
            byte[] hash = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(hash, 0, 6);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
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

    /** The agents created or changed at or after {@code since}. */
    public synchronized List<Agent> agentsUpdatedSince(java.time.Instant since) {
        return agents.values().stream().filter(a -> !agentUpdated.get(a.agentId()).isBefore(since)).toList();
    }

    /** An admin creates or changes an agent in CXone (a new hire, a changed e-mail, a deactivation). */
    public synchronized void saveAgent(Agent agent) {
        changes++;
        agents.put(agent.agentId(), agent);
        agentUpdated.put(agent.agentId(), now());
    }

    /** An admin removes an assignment in CXone's admin UI: it is gone, not inactive. */
    public synchronized boolean deleteAssignment(long agentId, long skillId) {
        changes++;
        TreeMap<Long, Assignment> held = assignments.get(agentId);
        assignmentUpdated.remove(agentId + ":" + skillId);
        return held != null && held.remove(skillId) != null;
    }

    /** The tenant's clock: ten minutes behind in dialect CLOCK_BEHIND. */
    public java.time.Instant now() {
        return java.time.Instant.now().minus(speaks(Dialect.CLOCK_BEHIND) ? java.time.Duration.ofMinutes(10) : java.time.Duration.ZERO);
    }

    /**
     * The holders of one skill changed at or after {@code since}: by the assignment's change time, or in
     * dialect HOLDERS_SINCE_BY_AGENT by the agent's.
     */
    public synchronized List<Assignment> assignmentsOfSkillUpdatedSince(long skillId, java.time.Instant since) {
        return assignmentsOfSkill(skillId).stream().filter(a -> !(speaks(Dialect.HOLDERS_SINCE_BY_AGENT)
                ? agentUpdated.get(a.agentId()) : assignmentUpdated.get(a.agentId() + ":" + a.skillId())).isBefore(since))
                .toList();
    }

    /** The holders of one skill, readable ones only, ordered by agent. */
    public synchronized List<Assignment> assignmentsOfSkill(long skillId) {
        List<Assignment> holders = new ArrayList<>();
        assignments.values().forEach(bySkill -> {
            Assignment a = bySkill.get(skillId);
            if (a != null && readable(a)) {
                holders.add(a);
            }
        });
        return holders;
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

    public synchronized boolean agentActive(long agentId) {
        Agent agent = agents.get(agentId);
        return agent != null && agent.active();
    }

    /** The tenant's limit per minute (its apiPublishedLimit). */
    public int requestsPerMinute() {
        Integer override = faults.rateLimit;
        int limit = override != null ? override : rateLimit;
        return (int) Math.max(1, limit * 60_000L / Math.max(1, rateWindow.toMillis()));
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
        boolean lenient = speaks(Dialect.LENIENT_VERBS);
        if ("POST".equals(verb) && current != null && !lenient) {
            return speaks(Dialect.OTHER_ERROR_TEXTS) ? "Operation failed for this agent and skill (code 1042)"
                    : "Agent is already assigned to this skill";
        }
        if ("PUT".equals(verb) && current == null && !lenient) {
            return speaks(Dialect.OTHER_ERROR_TEXTS) ? "Operation failed for this agent and skill (code 1043)"
                    : "Agent is not assigned to this skill";
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
        return null;
    }

    /** SkillSync is writing: whatever an admin did "just after the read" is visible from now on. */
    public void writing() {
        faults.hiddenFromReads.clear();
    }

    private void put(Assignment assignment) {
        changes++;
        assignments.computeIfAbsent(assignment.agentId(), a -> new TreeMap<>()).put(assignment.skillId(), assignment);
        assignmentUpdated.put(assignment.agentId() + ":" + assignment.skillId(), now());
    }

    /**
     * The list a read pages through, made by {@code read} once and kept while nothing changes that a read sees:
     * agents, assignments, the assignments a test hides, the dialects spoken ({@code query} names the rest).
     */
    @SuppressWarnings("unchecked")
    public synchronized <T> List<T> listed(String query, java.util.function.Supplier<List<T>> read) {
        String key = changes + "|" + System.identityHashCode(faults) + "|" + faults.hiddenFromReads.hashCode() + "|"
                + dialects + "|" + query;
        return (List<T>) lists.computeIfAbsent(key, k -> List.copyOf(read.get()));
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
