package io.skillsync.run;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.skillsync.config.GuardSettings;
import io.skillsync.config.SkillSyncConfig;
import io.skillsync.cxone.CurrentAssignments;
import io.skillsync.cxone.TenantDirectory;
import io.skillsync.sync.Assignment;
import io.skillsync.sync.AssignmentKey;
import io.skillsync.sync.Coverage;
import io.skillsync.sync.Row;

/**
 * What a skill must keep, weighed by the guard ({@link BlastRadiusGuard}) on a whole plan: its staffing floor
 * ({@code skillsync.guard.floor.<skill>=<n>[@<level>]}, or {@code floor-share} of what it has), and the share of its
 * agents a file may lower by many levels. Each reason says the skill's coverage before and after.
 */
@ApplicationScoped
public class StaffingFloors {

    private static final Logger LOG = Logger.getLogger(StaffingFloors.class);

    private final GuardSettings limits;
    private final TenantDirectory directory;
    private final CurrentAssignments current;

    StaffingFloors(SkillSyncConfig config, TenantDirectory directory, CurrentAssignments current) {
        this.limits = config.guard();
        this.directory = directory;
        this.current = current;
        limits.floor().forEach((skill, floor) -> {
            if (Coverage.Floor.parse(floor) == null) {
                throw new IllegalArgumentException("skillsync.guard.floor." + skill + " must be <agents> or <agents>@<level>"
                        + " (1..20), such as 200@5; was '" + floor + "'");
            }
        });
    }

    /** Why the plan would leave a skill short (empty when it would not), in numbers. */
    List<String> reasons(Run run, Map<AssignmentKey, Assignment> held) {
        List<Row> planned = run.batches().plannedRows();
        Map<Long, Coverage.Floor> floors = floorsOf(run, planned);
        Map<Long, Integer> downgrades = limits.maxDowngradeShare() > 0 ? Coverage.downgrades(planned, limits.downgradeLevels())
                : Map.of();
        if (floors.isEmpty() && downgrades.isEmpty()) {
            return List.of();
        }
        Map<AssignmentKey, Assignment> whole = wholeSkills(run, held, floors.keySet(), downgrades.keySet());
        List<String> reasons = new ArrayList<>();
        floors.forEach((skill, named) -> {
            Coverage.Change change = Coverage.of(skill, named == null ? 20 : named.level(), whole.values(), planned);
            if (named == null && change.before() < limits.minActiveAgents()) {
                return;
            }
            // the default floor: a share of the active agents the skill has now
            Coverage.Floor floor = named != null ? named
                    : new Coverage.Floor((int) Math.ceil(limits.floorShare() * change.before()), 20);
            if (change.after() < floor.agents() && change.after() < change.before()) {
                reasons.add(String.format(Locale.ROOT, "skill %s (%d): %s -> %s; its floor is %s (%s)", name(skill), skill,
                        change.before(), change.after() + (floor.level() == 20 ? " active agents"
                                : " active agents at proficiency " + floor.level() + " or better"),
                        floor, named != null ? "skillsync.guard.floor." + name(skill) : "skillsync.guard.floor-share "
                                + limits.floorShare()));
            }
        });
        downgrades.forEach((skill, lowered) -> {
            int active = Coverage.of(skill, 20, whole.values(), List.of()).before();
            if (active >= limits.minActiveAgents() && lowered > limits.maxDowngradeShare() * active) {
                reasons.add(String.format(Locale.ROOT, "skill %s (%d): the file would lower %d of its %d active agents by more"
                        + " than %d levels (%.0f%%); the limit is %.0f%% (skillsync.guard.max-downgrade-share)", name(skill),
                        skill, lowered, active, limits.downgradeLevels(), 100.0 * lowered / active,
                        limits.maxDowngradeShare() * 100));
            }
        });
        return reasons;
    }

    /** The floor of each skill the plan changes: set by name, else the default share of what it has now. */
    private Map<Long, Coverage.Floor> floorsOf(Run run, List<Row> planned) {
        Set<Long> touched = new TreeSet<>();
        planned.forEach(row -> touched.add(row.skillId()));
        Map<Long, Coverage.Floor> floors = new LinkedHashMap<>();
        TenantDirectory.Skills skills = directory.skills(run.started());
        limits.floor().forEach((name, floor) -> {
            Optional<Long> id = skills.meant(name).single();
            if (id.isEmpty()) {
                LOG.warnf("run %s: skillsync.guard.floor.%s names no one skill of CXone's: that floor keeps nothing", run.id(),
                        name);
            } else if (touched.contains(id.get())) {
                floors.put(id.get(), Coverage.Floor.parse(floor));
            }
        });
        if (limits.floorShare() > 0) {
            touched.stream().filter(id -> !floors.containsKey(id)).forEach(id -> floors.put(id, null));
        }
        return floors;
    }

    /**
     * What CXone holds of these skills, whole: a plan that neither deactivates nor is a full roster was compared with
     * its own agents' assignments only, so the skills weighed here are read whole (a kept skill: its count and what
     * changed).
     */
    private Map<AssignmentKey, Assignment> wholeSkills(Run run, Map<AssignmentKey, Assignment> held, Set<Long> floored,
            Set<Long> lowered) {
        Set<Long> skills = new TreeSet<>(floored);
        skills.addAll(lowered);
        if (HeldAssignments.readsWhole(run, run.batches().plannedRows()) || skills.isEmpty()) {
            return held;
        }
        Set<Long> agents = new TreeSet<>();
        run.batches().plannedRows().forEach(row -> agents.add(row.agentId()));
        Map<AssignmentKey, Assignment> whole = new HashMap<>(held);
        whole.putAll(current.read(run.id(), agents, skills, true, "holders of the skills the guard weighs"));
        return whole;
    }

    private String name(long skillId) {
        return directory.skills().nameOf(skillId);
    }
}
