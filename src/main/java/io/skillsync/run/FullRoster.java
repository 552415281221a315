package io.skillsync.run;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;
import org.jboss.logging.Logger;

import io.skillsync.config.RosterSettings;
import io.skillsync.config.SkillSyncConfig;
import io.skillsync.cxone.CurrentAssignments;
import io.skillsync.cxone.CxoneEndpoint;
import io.skillsync.cxone.TenantDirectory;
import io.skillsync.record.ManagedAssignments;
import io.skillsync.record.RunSummary;
import io.skillsync.roster.RosterReader;
import io.skillsync.roster.RosterRecord;
import io.skillsync.sync.AbsentRow;
import io.skillsync.sync.Assignment;
import io.skillsync.sync.AssignmentKey;
import io.skillsync.sync.ManagedAssignment;
import io.skillsync.sync.Outcome;
import io.skillsync.sync.Row;

/**
 * A full roster is the whole truth for its skills (roster-format.md "Full rosters"): every assignment CXone holds
 * active, for an active agent, on a skill the file answers for, that no row of the file names, becomes a row of
 * its own that switches it off ({@link AbsentRow}). Its scope is the skills its rows or skill columns name and
 * {@code skillsync.roster.owned-skills}; a row that names an agent, even one rejected, keeps that agent's
 * assignment as it is.
 */
@ApplicationScoped
@Named("fullRoster")
public class FullRoster {

    /** The current unit's settings, read at each call. */
    private final SkillSyncConfig config;

    private static final Logger LOG = Logger.getLogger(FullRoster.class);

    private final TenantDirectory directory;
    private final CurrentAssignments current;
    private final RosterReader reader;
    private final ManagedAssignments managed;
    private final CxoneEndpoint tenant;

    FullRoster(SkillSyncConfig config, TenantDirectory directory, CurrentAssignments current, RosterReader reader,
            ManagedAssignments managed, CxoneEndpoint tenant) {
        this.config = config;
        this.managed = managed;
        this.tenant = tenant;
        this.directory = directory;
        this.current = current;
        this.reader = reader;
        String removal = config.roster().fullRemoval();
        if (!removal.equals(RunSummary.DEACTIVATE) && !removal.equals(RunSummary.DELETE)) {
            throw new IllegalArgumentException("skillsync.roster.full-removal must be deactivate or delete, was " + removal);
        }
    }

    /** Whether a file is a full roster: named {@code <name>.full.csv} (or .xlsx, any case), or matching the glob. */
    public static boolean named(String fileName, Optional<String> glob) {
        String name = fileName.toLowerCase(Locale.ROOT);
        if (name.matches(".*\\.full(\\.dryrun)?\\." + RosterReader.EXTENSIONS)) {
            return true;
        }
        return glob.filter(g -> !g.isBlank())
                .map(g -> FileSystems.getDefault().getPathMatcher("glob:" + g).matches(Path.of(fileName)))
                .orElse(false);
    }

    /** What CXone holds for every skill in the file's scope, whole: each holder is weighed against the file. */
    public Map<AssignmentKey, Assignment> held(@ExchangeProperty(RunProperties.RUN) Run run) {
        Set<Long> agents = new TreeSet<>();
        run.rows().open().forEach(row -> agents.add(row.agentId()));
        // found once here: the scope walks every row and warns of an unknown owned skill
        run.answersFor(scope(run));
        return current.read(run.id(), agents, run.fullSkills(), true, "current assignments of the full roster's skills");
    }

    /**
     * Adds a row for every assignment the file leaves out, to be planned, weighed and written like any row.
     *
     * @return what CXone holds, as read
     */
    public Map<AssignmentKey, Assignment> absentees(@Body Map<AssignmentKey, Assignment> held,
            @ExchangeProperty(RunProperties.RUN) Run run) {
        Set<Long> scope = run.fullSkills();
        Named named = named(run);
        TenantDirectory.Agents agents = directory.agents(run.started());
        Map<Long, String> skillNames = directory.skills(run.started()).byId();
        int absent = 0;
        Map<AssignmentKey, ManagedAssignment> ours = oursOnly() ? managed.current(tenant.tenantKey()) : Map.of();
        for (Assignment assignment : held.values().stream().sorted(BY_SKILL_AND_AGENT).toList()) {
            if (scope.contains(assignment.skillId()) && assignment.active() && agents.active(assignment.agentId())
                    && !named.keeps(assignment.key()) && (!oursOnly() || setBySkillSync(ours.get(assignment.key())))) {
                run.rows().add(new AbsentRow(absent++, assignment, agents.byId().get(assignment.agentId()),
                        skillNames.getOrDefault(assignment.skillId(), String.valueOf(assignment.skillId())), delete()));
            }
        }
        run.weighedInFull(absent, delete() ? RunSummary.DELETE : RunSummary.DEACTIVATE);
        LOG.infof("run %s: full roster for %d skill(s): %d assignment(s) CXone holds are not in it", run.id(),
                scope.size(), absent);
        return held;
    }

    /** SkillSync last set it active: with full-removal-scope=ours, only such an assignment is removed. */
    private static boolean setBySkillSync(ManagedAssignment set) {
        return set != null && set.active();
    }

    private static final java.util.Comparator<Assignment> BY_SKILL_AND_AGENT = java.util.Comparator
            .comparingLong(Assignment::skillId).thenComparingLong(Assignment::agentId);

    /** The skills the file answers for: those its rows or skill columns name, and the owned skills. */
    Set<Long> scope(Run run) {
        Set<Long> scope = new TreeSet<>();
        run.rows().list().stream().filter(row -> row.agentId() != 0 && !(row instanceof AbsentRow))
                .forEach(row -> scope.add(row.skillId()));
        TenantDirectory.Skills skills = directory.skills(run.started());
        run.skillColumns().values().forEach(name -> skillId(skills, run, name).ifPresent(scope::add));
        for (String owned : ownedSkills()) {
            Optional<Long> id = skillId(skills, run, owned.strip());
            if (id.isEmpty()) {
                LOG.warnf("run %s: skillsync.roster.owned-skills names '%s', which is no skill of CXone's: left out of the"
                        + " full roster's scope", run.id(), owned.strip());
            }
            id.ifPresent(scope::add);
        }
        return scope;
    }

    private static Optional<Long> skillId(TenantDirectory.Skills skills, Run run, String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        return skills.meant(run.mappings().skills().skillFor(name, null).orElse(name)).single();
    }

    /** The (agent, skill)s the file names, and the agents a rejected row names whose skill is not known. */
    private Named named(Run run) {
        Named named = new Named(new HashSet<>(), new HashSet<>());
        run.rows().list().stream().filter(row -> row.agentId() != 0)
                .forEach(row -> named.assignments().add(new AssignmentKey(row.agentId(), row.skillId())));
        if (run.rows().list().stream().anyMatch(row -> row.agentId() == 0 && row.outcome() == Outcome.REJECTED)) {
            // a rejected row was not resolved: read its names again, so an unreadable row never removes its agent
            TenantDirectory.Agents agents = directory.agents(run.started());
            TenantDirectory.Skills skills = directory.skills(run.started());
            List<Row> rows = run.rows().list();
            try (RosterReader.Rows records = reader.rows(run.file(), run.skillColumns())) {
                records.forEachRemaining(record -> {
                    Row row = record.index() < rows.size() ? rows.get(record.index()) : null;
                    if (row != null && row.agentId() == 0 && row.outcome() == Outcome.REJECTED) {
                        keep(record, agents, skills, run, named);
                    }
                });
            }
        }
        return named;
    }

    private static void keep(RosterRecord record, TenantDirectory.Agents agents, TenantDirectory.Skills skills, Run run,
            Named named) {
        var columns = record.columns();
        String email = record.cell(columns.email());
        Optional<Long> agent = email != null && !email.isBlank() ? agents.meant(email.strip()).single()
                : number(record.cell(columns.agentId()));
        if (agent.isEmpty()) {
            // an agent no name leads to cannot be kept by name: the guard weighs what the file removes
            return;
        }
        Optional<Long> skill = skillId(skills, run, record.skill());
        if (skill.isEmpty()) {
            skill = number(record.cell(columns.skillId()));
        }
        if (skill.isPresent()) {
            named.assignments().add(new AssignmentKey(agent.get(), skill.get()));
        } else {
            named.agents().add(agent.get());
        }
    }

    /** An ID cell's number, read as {@link RowValidator} reads one; empty when it holds none. */
    private static Optional<Long> number(String cell) {
        return cell != null && RowValidator.DIGITS.matcher(cell.strip()).matches() ? Optional.of(Long.valueOf(cell.strip()))
                : Optional.empty();
    }

    /** What a full roster names: these assignments stay as they are, and so do all of these agents'. */
    private record Named(Set<AssignmentKey> assignments, Set<Long> agents) {
        boolean keeps(AssignmentKey key) {
            return assignments.contains(key) || agents.contains(key.agentId());
        }
    }

    /** Only what SkillSync itself set active is removed (full-removal-scope=ours); else every assignment left out. */
    private boolean oursOnly() {
        return config.roster().fullRemovalScope() == RosterSettings.FullRemovalScope.OURS;
    }

    private List<String> ownedSkills() {
        return config.roster().ownedSkills().orElse(List.of());
    }

    /** Leavers unassigned with NICE's DELETE rather than switched off. */
    private boolean delete() {
        return config.roster().fullRemoval().equals(RunSummary.DELETE);
    }
}
