package io.skillsync.run;

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

/** What CXone holds, before anything is planned, for the agents and skills of the run's open rows. */
@ApplicationScoped
@Named("heldAssignments")
public class HeldAssignments {

    private final CurrentAssignments current;

    HeldAssignments(CurrentAssignments current) {
        this.current = current;
    }

    /** A file that deactivates reads whole skills: the guard weighs it against every active holder. */
    public Map<AssignmentKey, Assignment> forOpenRows(@ExchangeProperty(RunProperties.RUN) Run run) {
        Set<Long> agents = new TreeSet<>();
        Set<Long> skills = new TreeSet<>();
        run.rows().stream().filter(Row::open).forEach(row -> {
            agents.add(row.agentId());
            skills.add(row.skillId());
        });
        boolean deactivates = run.rows().stream().anyMatch(row -> row.open() && !row.active());
        return current.read(run.id(), agents, skills, deactivates, "current assignments");
    }
}
