package io.skillsync.run;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import org.apache.camel.ExchangeProperty;

import io.skillsync.cxone.CurrentAssignments;
import io.skillsync.sync.Assignment;
import io.skillsync.sync.AssignmentKey;
import io.skillsync.sync.Row;

/** What CXone holds for the agents and skills that rows name: before the plan, after a refusal, at read-back. */
@ApplicationScoped
@Named("heldAssignments")
public class HeldAssignments {

    private final CurrentAssignments current;

    HeldAssignments(CurrentAssignments current) {
        this.current = current;
    }

    /** A file that deactivates reads whole skills: the guard weighs it against every active holder. */
    public Map<AssignmentKey, Assignment> forOpenRows(@ExchangeProperty(RunProperties.RUN) Run run) {
        List<Row> open = run.rows().open();
        return of(run, open, readsWhole(run, open), "current assignments");
    }

    /**
     * Whether what CXone holds of the rows' skills is read whole, every holder: for a full roster (its scope) and for
     * rows that deactivate (the guard weighs them against every active holder). Otherwise the rows' agents only.
     */
    static boolean readsWhole(Run run, List<Row> rows) {
        return run.full() || rows.stream().anyMatch(row -> !row.active());
    }

    /**
     * What CXone holds for the rows' agents and skills, the cheapest way ({@link CurrentAssignments}).
     *
     * @param wholeSkills every holder of each skill is needed (the guard), not just the rows' agents
     * @param what        what is read, for the log line
     */
    Map<AssignmentKey, Assignment> of(Run run, List<Row> rows, boolean wholeSkills, String what) {
        return current.read(run.id(), agents(rows), skills(rows), wholeSkills, what);
    }

    /** What the run wrote, read back: a skill the run read may be asked only what changed since that read. */
    Map<AssignmentKey, Assignment> written(Run run, List<Row> rows) {
        return current.readBack(run.id(), agents(rows), skills(rows), "written assignments back");
    }

    private static Set<Long> agents(List<Row> rows) {
        Set<Long> agents = new TreeSet<>();
        rows.forEach(row -> agents.add(row.agentId()));
        return agents;
    }

    private static Set<Long> skills(List<Row> rows) {
        Set<Long> skills = new TreeSet<>();
        rows.forEach(row -> skills.add(row.skillId()));
        return skills;
    }
}
