package io.skillsync.run;

import java.time.Duration;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.skillsync.config.SkillSyncConfig;

/**
 * A line in the log for long runs, at most every {@code skillsync.progress.interval} or each tenth of the
 * writes, whichever comes first: "nightly.csv: 7,500 of 15,000 rows, 75 of 150 writes, eta 2m10s".
 * No e-mail address: the log is not the audit.
 */
@ApplicationScoped
public class RunProgress {

    private static final Logger LOG = Logger.getLogger(RunProgress.class);

    private final long intervalMillis;

    RunProgress(SkillSyncConfig config) {
        this.intervalMillis = config.progress().interval().toMillis();
    }

    /** A write request of the run was answered. */
    public void wrote(Run run) {
        int done = run.writes().done();
        int total = Math.max(done, run.batches().count());
        long now = System.currentTimeMillis();
        int tenth = total == 0 ? 10 : done * 10 / total;
        if (tenth <= run.writes().progressTenth() && now - run.writes().progressLoggedAt() < intervalMillis) {
            return;
        }
        run.writes().progressLogged(tenth, now);
        long elapsed = now - run.writes().firstMillis();
        long eta = done == 0 ? 0 : elapsed * (total - done) / done;
        LOG.infof("%s: %,d of %,d rows, %d of %d writes, eta %s", run.fileName(), run.rows().settled(), run.rows().size(),
                done, total, human(Duration.ofMillis(eta)));
    }

    static String human(Duration d) {
        long s = d.toSeconds();
        return s >= 60 ? String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60) : s + "s";
    }
}
