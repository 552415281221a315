package io.skillsync.sync;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;


/** Finds the open rows of a run that are about the same (agent, skill), by sorting packed keys. */
public final class RepeatedRows {

    private RepeatedRows() {
    }

    /**
     * Groups of open rows about the same (agent, skill), each in file order, found by sorting packed
     * keys rather than by a map of a million entries: a large file must fit a small heap.
     */
    public static List<List<Row>> in(List<Row> rows) {
        Map<Long, Integer> agents = new HashMap<>();
        Map<Long, Integer> skills = new HashMap<>();
        int open = 0;
        for (Row row : rows) {
            if (row.open()) {
                agents.putIfAbsent(row.agentId(), agents.size());
                skills.putIfAbsent(row.skillId(), skills.size());
                open++;
            }
        }
        if (rows.size() >= 1 << 24) {
            throw new IllegalStateException("more than 16,777,215 rows in one file: split it");
        }
        long[] packed = new long[open];
        int n = 0;
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            if (row.open()) {
                long key = (long) agents.get(row.agentId()) * skills.size() + skills.get(row.skillId());
                packed[n++] = key << 24 | i;
            }
        }
        java.util.Arrays.sort(packed);
        List<List<Row>> groups = new ArrayList<>();
        for (int from = 0; from < packed.length;) {
            int to = from + 1;
            while (to < packed.length && packed[to] >>> 24 == packed[from] >>> 24) {
                to++;
            }
            if (to - from > 1) {
                List<Row> group = new ArrayList<>(to - from);
                for (int k = from; k < to; k++) {
                    group.add(rows.get((int) (packed[k] & 0xFFFFFF)));
                }
                groups.add(group);
            }
            from = to;
        }
        return groups;
    }
}
