package io.skillsync.cxone;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import org.jboss.logging.Logger;

import io.skillsync.sync.Assignment;
import io.skillsync.sync.AssignmentKey;

/**
 * One skill's holders ({@code GET /skills/{skillId}/agents}), read whole, or, for a skill read before, as
 * the holders kept from that read plus what CXone says changed since ({@code updatedSince}). Three rules
 * keep a needed write from ever looking unchanged:
 * <ul>
 * <li>the watermark is the answer's own {@code lastPollTime}, CXone's clock, never ours (a tenant whose
 * clock runs behind would otherwise hide its changes); an answer without one (or without a zone) keeps
 * nothing, so that skill is read whole next time;</li>
 * <li>a deletion shows in no "changed since" answer, so the skill's count is read first: when the kept
 * holders plus the changed ones are not exactly that count, something was removed and the skill is read
 * whole;</li>
 * <li>in mode {@code probed}, the kept view is used only once CXone has shown on this tenant that its filter
 * returns every assignment changed since: a whole read of a kept skill whose changes fit in two pages (a
 * read-back of SkillSync's own writes, usually) is compared with the filter's answer. One it left out turns
 * the filter off for good, said once.</li>
 * </ul>
 */
final class SkillHolders {

    /** A skill's holders at its last read, and CXone's time of that read. */
    record View(Map<AssignmentKey, Assignment> holders, Instant at) {
    }

    private static final Logger LOG = Logger.getLogger(SkillHolders.class);

    private final CxonePages cxone;
    private final int pageSize;
    private final TenantDirectory directory;
    private final String mode;
    private volatile HoldersFilter filter;
    private final Map<Long, View> kept = new ConcurrentHashMap<>();
    /** The directory's {@link TenantDirectory#forgotten()} when the views were started. */
    private volatile int forgotten;

    SkillHolders(CxonePages cxone, TenantDirectory directory, String mode, int pageSize) {
        this.pageSize = pageSize;
        this.cxone = cxone;
        this.directory = directory;
        this.mode = mode;
        this.filter = new HoldersFilter(mode);
        this.forgotten = directory.forgotten();
    }

    /** Requests a read of this skill will take when asked what changed, or -1 when it will be read whole. */
    int changedCost(long skillId, int queries, boolean afterWrites) {
        forgetWithTheDirectory();
        return kept.containsKey(skillId) && (filter.usable() || filter.wantsName()) ? (afterWrites ? 1 : 2) * queries : -1;
    }

    /**
     * Reads the skill's holders into {@code held}.
     *
     * @param afterWrites a read-back: what this run's read kept plus what changed since is enough (no count)
     * @return the requests it took
     */
    int read(long skillId, List<String> queries, Map<AssignmentKey, Assignment> held, boolean afterWrites) {
        forgetWithTheDirectory();
        View view = kept.get(skillId);
        int requests = view != null && filter.wantsName() ? filter.ask(cxone, path(skillId)) : 0;
        if (view == null || !filter.usable()) {
            return requests + whole(skillId, queries, held, view);
        }
        Map<AssignmentKey, Assignment> merged = new HashMap<>(view.holders());
        if (afterWrites) {
            requests += changed(skillId, queries, view.at(), merged);
            kept.put(skillId, new View(merged, view.at()));
            held.putAll(merged);
            return requests;
        }
        long total = 0;
        Instant at = Instant.MAX;
        for (String query : queries) {
            // the count first: an assignment added after it is in the changed answer and makes the sum too big
            CxonePages.Page count = cxone.page(path(skillId), query, CurrentAssignments.LIST, 0, 1);
            requests++;
            Instant poll = CxoneJson.pollTime(count.body());
            if (count.total() < 0 || poll == null) {
                return requests + whole(skillId, queries, held, null);
            }
            total += count.total();
            at = poll.isBefore(at) ? poll : at;
        }
        requests += changed(skillId, queries, view.at(), merged);
        if (merged.size() != total) {
            LOG.infof("skill %d: %d holder(s) kept or changed since, CXone counts %d: an assignment was removed since"
                    + " the last read, so the skill is read whole", skillId, merged.size(), total);
            return requests + whole(skillId, queries, held, null);
        }
        kept.put(skillId, new View(merged, at));
        held.putAll(merged);
        return requests;
    }

    private int whole(long skillId, List<String> queries, Map<AssignmentKey, Assignment> held, View before) {
        Map<AssignmentKey, Assignment> read = new HashMap<>();
        Instant[] at = { Instant.MAX };
        int requests = 0;
        for (String query : queries) {
            requests += cxone.readAll(path(skillId), query, CurrentAssignments.LIST,
                    item -> CurrentAssignments.keep(item, 0, skillId, read), page -> at[0] = earliest(at[0], page));
        }
        if (before != null && at[0] != null && filter.wantsProof()) {
            requests += prove(skillId, queries, before, read);
        }
        if (at[0] != null && filter.keeps()) {
            kept.put(skillId, new View(read, at[0]));
        } else if (!filter.keeps()) {
            kept.clear();
        } else {
            kept.remove(skillId);
        }
        held.putAll(read);
        return requests;
    }

    /** The earlier of {@code at} and a page's lastPollTime; null once a page has none. */
    private static Instant earliest(Instant at, JsonNode page) {
        Instant poll = CxoneJson.pollTime(page);
        return at == null || poll == null ? null : poll.isBefore(at) ? poll : at;
    }

    /**
     * Asks what changed since {@code before} and checks the answer against the whole read just made: every
     * assignment that differs from the kept one must be in it, as read. Proving takes one difference at least.
     */
    private int prove(long skillId, List<String> queries, View before, Map<AssignmentKey, Assignment> whole) {
        List<Assignment> differ = whole.values().stream().filter(now -> !now.equals(before.holders().get(now.key()))).toList();
        if (differ.isEmpty() || differ.size() > 2 * pageSize) {
            // nothing to prove it on, or a proof as dear as the changes: a later, smaller read-back proves it
            return 0;
        }
        int requests = filter.ask(cxone, path(skillId));
        if (!filter.named()) {
            return requests;
        }
        Map<AssignmentKey, Assignment> changed = new HashMap<>();
        requests += changed(skillId, queries, before.at(), changed);
        int missed = (int) differ.stream().filter(now -> !now.equals(changed.get(now.key()))).count();
        filter.judge(path(skillId), differ.size(), missed);
        return requests;
    }

    private int changed(long skillId, List<String> queries, Instant at, Map<AssignmentKey, Assignment> into) {
        int requests = 0;
        for (String query : queries) {
            requests += cxone.readAll(path(skillId), CxonePages.withQuery(filter.since(at), query), CurrentAssignments.LIST,
                    item -> CurrentAssignments.keep(item, 0, skillId, into));
        }
        return requests;
    }

    /** The directory was forgotten (CXone no longer knows an id, or a test re-seeded): so is all kept here. */
    private void forgetWithTheDirectory() {
        if (forgotten != directory.forgotten()) {
            forgotten = directory.forgotten();
            kept.clear();
            filter = new HoldersFilter(mode);
        }
    }

    private static String path(long skillId) {
        return "/skills/" + skillId + "/agents";
    }
}
