package io.skillsync.run;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import org.apache.camel.ExchangeProperty;
import org.jboss.logging.Logger;

import io.skillsync.config.SkillSyncConfig;
import io.skillsync.sync.Assignment;
import io.skillsync.sync.AssignmentKey;
import io.skillsync.sync.Outcome;
import io.skillsync.sync.Row;

/**
 * CXone sometimes answers 200 and keeps nothing. After a run's writes, and {@code skillsync.verify.delay}
 * after the last of them (so the wait overlaps the writes instead of adding up per batch), what the run
 * applied is read back with the same cheapest read as before; a row CXone does not hold after all becomes
 * {@code failed} ("accepted but not kept") and so lands in the error file. Rows CXone took without
 * confirming them (a bulk write, an item its answer did not report on) are read back whether or not
 * verification is on: only what CXone is seen to hold counts as applied.
 */
@ApplicationScoped
@Named("readBack")
public class ReadBack {

    private static final Logger LOG = Logger.getLogger(ReadBack.class);

    private final SkillSyncConfig.Verify config;
    private final HeldAssignments current;

    ReadBack(SkillSyncConfig config, HeldAssignments current) {
        this.config = config.verify();
        this.current = current;
    }

    /** How long the route still waits before reading back (the {@code delay} EIP). */
    public long waitMillis(@ExchangeProperty(RunProperties.RUN) Run run) {
        if (!needed(run)) {
            return 0;
        }
        return Math.max(0, run.writes().lastMillis() + config.delay().toMillis() - System.currentTimeMillis());
    }

    private boolean needed(Run run) {
        return run.rows().list().stream().anyMatch(this::toVerify);
    }

    private boolean toVerify(Row row) {
        return row.isUnconfirmed() || config.enabled() && row.outcome() == Outcome.APPLIED;
    }

    public void verify(@ExchangeProperty(RunProperties.RUN) Run run) {
        if (!needed(run)) {
            return;
        }
        // what was written, read the cheapest way: its skills' holders or its agents, never the whole tenant for a few rows
        Map<AssignmentKey, Assignment> held = current.written(run, run.rows().list().stream().filter(this::toVerify).toList());
        int kept = 0;
        int lost = 0;
        for (Row row : run.rows().list()) {
            if (!toVerify(row)) {
                continue;
            }
            Assignment now = held.get(new AssignmentKey(row.agentId(), row.skillId()));
            if (row.heldAsAsked(now)) {
                kept++;
                if (row.isUnconfirmed()) {
                    row.confirmed();
                }
            } else {
                lost++;
                String holds = " (it holds " + (now == null ? "no such assignment" : "proficiency " + now.proficiency()
                        + (now.active() ? ", active" : ", inactive")) + ")";
                if (row.isUnconfirmed()) {
                    row.notConfirmed("CXone took the request without confirming this assignment, and does not hold it"
                            + " when read back" + holds + ": not applied");
                } else {
                    row.notKept("CXone accepted the write but does not hold it when read back " + config.delay().toSeconds()
                            + " s later" + holds + ": accepted but not kept");
                }
            }
        }
        run.verified(kept);
        if (lost > 0) {
            LOG.warnf("run %s: %d row(s) accepted but not kept by CXone; they are in the error file", run.id(), lost);
        }
    }
}
