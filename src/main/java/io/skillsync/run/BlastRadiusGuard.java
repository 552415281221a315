package io.skillsync.run;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import org.apache.camel.ExchangeProperty;
import org.jboss.logging.Logger;

import io.skillsync.config.GuardSettings;
import io.skillsync.config.SkillSyncConfig;
import io.skillsync.cxone.TenantDirectory;
import io.skillsync.record.RecentChanges;
import io.skillsync.record.ReleaseBook;
import io.skillsync.sync.AbsentRow;
import io.skillsync.sync.Assignment;
import io.skillsync.sync.AssignmentKey;
import io.skillsync.sync.Row;

/**
 * Weighs a run's whole plan before anything is written (the runbook's worst case: a malformed file
 * switches 500 agents off a skill and its queue collapses). A file that would deactivate more than
 * {@code max-deactivation-share} of a skill's active agents (for skills with at least
 * {@code min-active-agents}), or more than {@code max-deactivations} assignments in all, is held: it goes
 * to hold/ and nothing is written. Adding and re-levelling assignments is never held: a nightly file does
 * thousands. An operator releases a held file deliberately ({@code POST /ops/hold/<name>/release}): the
 * release is bound to the file's content and used once (ReleaseBook); a file's name approves nothing.
 */
@ApplicationScoped
@Named("blastRadiusGuard")
public class BlastRadiusGuard {

    private static final Logger LOG = Logger.getLogger(BlastRadiusGuard.class);

    private final GuardSettings limits;
    private final TenantDirectory directory;
    private final ReleaseBook releases;
    private final RecentChanges recent;
    private final StaffingFloors floors;

    BlastRadiusGuard(SkillSyncConfig config, TenantDirectory directory, ReleaseBook releases, RecentChanges recent,
            StaffingFloors floors) {
        this.floors = floors;
        this.limits = config.guard();
        this.directory = directory;
        this.releases = releases;
        this.recent = recent;
    }

    /** Whether the plan is over a limit; if so the run notes why, in numbers. */
    public boolean holds(@ExchangeProperty(RunProperties.RUN) Run run,
            @ExchangeProperty(RunProperties.CURRENT) Map<AssignmentKey, Assignment> held) throws java.io.IOException {
        Map<Long, Integer> activeBySkill = new HashMap<>();
        Map<Long, Integer> holdersBySkill = new HashMap<>();
        held.values().forEach(a -> holdersBySkill.merge(a.skillId(), 1, Integer::sum));
        held.values().stream().filter(Assignment::active).forEach(a -> activeBySkill.merge(a.skillId(), 1, Integer::sum));
        // a truncated export read as the whole truth would switch off everyone it lost: held even with the guard off
        List<String> reasons = new ArrayList<>(truncated(run, activeBySkill));
        if (!limits.enabled()) {
            return !reasons.isEmpty() && held(run, reasons);
        }
        Map<Long, Integer> deactivatedBySkill = new HashMap<>();
        Map<Long, Integer> addedBySkill = new HashMap<>();
        int deactivations = 0;
        for (Row row : run.batches().plannedRows()) {
            if (!row.active() && row.previousActive() == 1) {
                deactivatedBySkill.merge(row.skillId(), 1, Integer::sum);
                deactivations++;
            } else if (!row.assignedBefore()) {
                addedBySkill.merge(row.skillId(), 1, Integer::sum);
            }
        }
        // what earlier runs switched off within the period counts too: the limit is on a skill, not on a file
        Map<Long, Integer> earlier = deactivations == 0 ? Map.of() : recent.deactivationsBySkill(run.started());
        for (var entry : deactivatedBySkill.entrySet()) {
            int before = earlier.getOrDefault(entry.getKey(), 0);
            // the skill's active agents before the period's deactivations: those still active plus those switched off
            int active = activeBySkill.getOrDefault(entry.getKey(), 0) + before;
            int total = entry.getValue() + before;
            double share = active == 0 ? 1 : (double) total / active;
            if (active >= limits.minActiveAgents() && share > limits.maxDeactivationShare()) {
                reasons.add(String.format(Locale.ROOT,
                        "skill %s (%d): the file would deactivate %d of its %d active agents%s (%.0f%%); the limit is %.0f%%"
                                + " of a skill with at least %d active agents within %s (skillsync.guard.max-deactivation-share)",
                        skillName(entry.getKey()), entry.getKey(), entry.getValue(), active,
                        before == 0 ? "" : ", after " + before + " deactivated by earlier runs", share * 100,
                        limits.maxDeactivationShare() * 100, limits.minActiveAgents(), period()));
            }
        }
        int earlierInAll = earlier.values().stream().mapToInt(Integer::intValue).sum();
        if (deactivations + earlierInAll > limits.maxDeactivations()) {
            reasons.add(String.format(Locale.ROOT, "the file would deactivate %d assignments in all%s; the limit is %d"
                    + " within %s (skillsync.guard.max-deactivations)", deactivations,
                    earlierInAll == 0 ? "" : ", after " + earlierInAll + " by earlier runs", limits.maxDeactivations(), period()));
        }
        if (limits.maxAddShare() > 0) {
            for (var entry : addedBySkill.entrySet()) {
                int holders = holdersBySkill.getOrDefault(entry.getKey(), 0);
                if (holders >= limits.minActiveAgents() && entry.getValue() > limits.maxAddShare() * holders) {
                    reasons.add(String.format(Locale.ROOT, "skill %s (%d): the file would add %d agents to its %d holders;"
                            + " the limit is %.0f%% (skillsync.guard.max-add-share)", skillName(entry.getKey()), entry.getKey(),
                            entry.getValue(), holders, limits.maxAddShare() * 100));
                }
            }
        }
        reasons.addAll(floors.reasons(run, held));
        return !reasons.isEmpty() && held(run, reasons);
    }

    /**
     * A full roster that leaves out more than {@code max-absent-share} of a skill's active agents: an export cut
     * short (a failed query, half a file) rather than that many leavers in one night.
     */
    private List<String> truncated(Run run, Map<Long, Integer> activeBySkill) {
        if (!run.full()) {
            return List.of();
        }
        Map<Long, Integer> absentBySkill = new HashMap<>();
        run.rows().list().stream().filter(row -> row instanceof AbsentRow)
                .forEach(row -> absentBySkill.merge(row.skillId(), 1, Integer::sum));
        List<String> reasons = new ArrayList<>();
        absentBySkill.forEach((skill, absent) -> {
            int active = activeBySkill.getOrDefault(skill, 0);
            if (absent > limits.maxAbsentShare() * active) {
                reasons.add(String.format(Locale.ROOT, "skill %s (%d): the full roster leaves out %d of its %d active agents"
                        + " (%.0f%%): a truncated export? the limit is %.0f%% (skillsync.guard.max-absent-share)",
                        skillName(skill), skill, absent, active, active == 0 ? 100 : 100.0 * absent / active,
                        limits.maxAbsentShare() * 100));
            }
        });
        return reasons;
    }

    /** The plan is over a limit: a dry run says so; else a release of this content lets it pass, or it is held. */
    private boolean held(Run run, List<String> reasons) throws java.io.IOException {
        if (run.dryRun()) {
            // a dry run writes nothing anyway: it says it would be held, and goes to processed/ like any dry run
            run.wouldBeHeld(reasons);
            return false;
        }
        var release = releases.take(run.sha256(), run.id(), reasons);
        if (release.isPresent()) {
            run.released(release.get());
            LOG.warnf("run %s: %s is over the guard's limits (%s) and passes: released by %s at %s", run.id(),
                    run.fileName(), String.join("; ", reasons), release.get().by(), release.get().at());
            return false;
        }
        run.hold(reasons);
        LOG.warnf("run %s: %s held, nothing written: %s", run.id(), run.fileName(), String.join("; ", reasons));
        return true;
    }

    private String period() {
        java.time.Duration period = limits.period();
        return period.toHours() > 0 && period.toMinutesPart() == 0 ? period.toHours() + " h" : period.toMinutes() + " min";
    }

    private String skillName(long skillId) {
        return directory.skills().nameOf(skillId);
    }
}
