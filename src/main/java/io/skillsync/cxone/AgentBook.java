package io.skillsync.cxone;

import static io.skillsync.cxone.TenantDirectory.AMBIGUOUS;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.skillsync.cxone.TenantDirectory.Agents;

/** The agents as kept: by agentId, with when they were last read whole and last asked what changed. */
final class AgentBook {
    final Map<Long, KeptAgent> byId = new LinkedHashMap<>();
    /** The lookups as last built; a change to the agents builds them again on the next ask. */
    private Agents built;
    Instant fullAt = Instant.EPOCH;
    Instant checkedAt = Instant.EPOCH;
    /** Whether CXone honours updatedSince: null until asked (at the first refresh after a whole read). */
    Boolean incremental;
    /** The name CXone honours for "changed since": updatedSince (v30) or updateSince (NICE's v34 schema). */
    String sinceParam = "updatedSince";
    /** CXone's lastPollTime of the last read (its clock: the watermark of the next), or null when it sent none. */
    Instant pollAt;

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
        java.util.Set<Long> inactive = new java.util.HashSet<>();
        for (KeptAgent agent : byId.values()) {
            names.put(agent.id(), agent.email().isBlank() ? agent.userName() : agent.email());
            if (!agent.active()) {
                inactive.add(agent.id());
            }
            for (String name : agent.email().equals(agent.userName()) ? List.of(agent.email())
                    : List.of(agent.email(), agent.userName())) {
                if (!name.isBlank()) {
                    byEmail.computeIfAbsent(name, n -> new ArrayList<>(1)).add(new Account(agent.id(), agent.active()));
                }
            }
        }
        Map<String, Long> resolved = new HashMap<>();
        byEmail.forEach((name, accounts) -> resolved.put(name, meant(accounts)));
        return new Agents(Map.copyOf(resolved), Map.copyOf(names), java.util.Set.copyOf(inactive), checkedAt);
    }

    com.fasterxml.jackson.databind.node.ObjectNode toJson(ObjectMapper json) {
        var kept = json.createObjectNode().put("fullAt", fullAt.toString()).put("checkedAt", checkedAt.toString());
        if (incremental != null) {
            kept.put("incremental", incremental);
        }
        kept.put("sinceParam", sinceParam);
        if (pollAt != null) {
            kept.put("pollAt", pollAt.toString());
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
        book.pollAt = kept.path("pollAt").isTextual() ? Instant.parse(kept.path("pollAt").asText()) : null;
        book.sinceParam = kept.path("sinceParam").asText("updatedSince").equals("updateSince") ? "updateSince" : "updatedSince";
        return book;
    }

    record KeptAgent(long id, String email, String userName, boolean active) {
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
}
