package io.skillsync.cxone;

import static io.skillsync.cxone.TenantDirectory.AMBIGUOUS;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.skillsync.cxone.TenantDirectory.Skills;

/** The skills as read: exact names, names by case, and ids. */
final class SkillBook {
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
