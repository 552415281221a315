package io.skillsync.cxone;

import static io.skillsync.cxone.TenantDirectory.AMBIGUOUS;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.skillsync.cxone.TenantDirectory.Skills;

/**
 * The skills as read: exact names, names by case, and ids. A tenant that retired a skill and made a new one
 * of the same name keeps both (inactive skills do not count toward CXone's limit, so they pile up): of skills
 * spelled alike the single active one is meant; two active ones, or only inactive ones, are ambiguous.
 */
final class SkillBook {
    final Map<Long, String> byId = new LinkedHashMap<>();
    /** The skills CXone said are inactive. */
    final Set<Long> inactive = new TreeSet<>();
    private final Map<String, List<Long>> exact = new HashMap<>();
    private final Map<String, List<Long>> byCase = new HashMap<>();

    void put(long id, String name) {
        put(id, name, true);
    }

    void put(long id, String name, boolean active) {
        if (id == 0 || byId.containsKey(id)) {
            return;
        }
        byId.put(id, name);
        if (!active) {
            inactive.add(id);
        }
        exact.computeIfAbsent(name, n -> new ArrayList<>()).add(id);
        byCase.computeIfAbsent(name.toLowerCase(Locale.ROOT), n -> new ArrayList<>()).add(id);
    }

    Skills lookups(Instant loaded) {
        Map<String, Long> byName = new HashMap<>();
        exact.forEach((name, ids) -> {
            List<Long> meant = meant(ids);
            byName.put(name, meant.size() == 1 ? meant.get(0) : AMBIGUOUS);
        });
        Map<String, List<Long>> byLowerName = new HashMap<>();
        byCase.forEach((name, ids) -> byLowerName.put(name, List.copyOf(meant(ids))));
        return new Skills(Map.copyOf(byName), Map.copyOf(byLowerName), Map.copyOf(byId), loaded);
    }

    /** The active ones among skills spelled alike when there are any, else all of them. */
    private List<Long> meant(List<Long> ids) {
        if (ids.size() == 1) {
            return ids;
        }
        List<Long> active = ids.stream().filter(id -> !inactive.contains(id)).toList();
        return active.isEmpty() ? ids : active;
    }
}
