package io.skillsync.run;

import java.time.Instant;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import org.apache.camel.ExchangeProperty;

import io.skillsync.config.SkillSyncConfig;
import io.skillsync.sync.Outcome;

/**
 * Rows effective later (roster-format.md, "Effective dates"): not written now, but {@code scheduled}; the run's
 * record puts them under scheduled/, one file per time, which the intake takes when that time comes. A file
 * naming more different times than {@code skillsync.roster.most-scheduled-times} has its extra rows rejected:
 * each time is a file of its own.
 */
@ApplicationScoped
@Named("rowSchedule")
public class RowSchedule {

    /** The current unit's settings, read at each call. */
    private final SkillSyncConfig config;


    RowSchedule(SkillSyncConfig config) {
        this.config = config;
    }

    /** A valid, resolved row whose time is after the run's start. */
    public boolean later(RowRequest request, @ExchangeProperty(RunProperties.RUN) Run run) {
        return request.row().open() && request.effective() != null && request.effective().isAfter(run.started());
    }

    public void schedule(RowRequest request, @ExchangeProperty(RunProperties.RUN) Run run) {
        Set<Instant> times = run.scheduledTimes();
        if (!times.contains(request.effective()) && times.size() >= mostTimes()) {
            request.row().end(Outcome.REJECTED, request.place() + ": effective '" + request.effective() + "' is one more"
                    + " time than the " + mostTimes() + " one file may schedule (skillsync.roster.most-scheduled-times):"
                    + " split the file");
            return;
        }
        times.add(request.effective());
        request.row().end(Outcome.SCHEDULED, "takes effect at " + request.effective());
    }

    private int mostTimes() {
        return config.roster().mostScheduledTimes();
    }
}
