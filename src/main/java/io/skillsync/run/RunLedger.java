package io.skillsync.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.jboss.logging.Logger;

import io.skillsync.config.SkillSyncConfig;
import io.skillsync.config.WorkFolders;
import io.skillsync.cxone.CxoneClient;
import io.skillsync.cxone.CxoneTraffic;
import io.skillsync.record.ReleaseBook;
import io.skillsync.record.RunIds;
import io.skillsync.record.RunJournal;
import io.skillsync.roster.RosterReader;
import io.skillsync.sync.Outcome;
import io.skillsync.sync.Row;
import io.skillsync.sync.RunStoppedException;

/** Opens a run for a picked-up file and keeps its rows, so that every row ends with exactly one outcome. */
@ApplicationScoped
@Named("runLedger")
public class RunLedger {

    private static final Logger LOG = Logger.getLogger(RunLedger.class);
    /** Once is a restart or a deployment; twice in a row for the same content is the content. */
    static final int KILLED_RUNS_BEFORE_SET_ASIDE = 2;

    private final SkillSyncConfig config;
    private final CxoneTraffic traffic;
    private final RosterReader reader;
    private final RunStatus status;
    private final RunJournal journal;

    RunLedger(SkillSyncConfig config, CxoneTraffic traffic, RosterReader reader, RunStatus status, RunJournal journal) {
        this.journal = journal;
        this.config = config;
        this.traffic = traffic;
        this.reader = reader;
        this.status = status;
    }

    public Run open(Exchange exchange) throws java.io.IOException {
        if (exchange.getContext().isStopping()) {
            // the service is going down: leave the file where it is, for the next start
            throw new IllegalStateException("the service is shutting down: the file waits in the inbox");
        }
        Path file = Path.of(exchange.getMessage().getHeader(Exchange.FILE_PATH, String.class));
        // a run of this process still open ended without its record: what stopped it escaped the route
        java.util.Map<String, String> died = journal.endAbandoned();
        // an earlier run that died without its record gets one now, before this file runs (perhaps again)
        journal.recover();
        Instant started = Instant.now();
        String id = RunIds.next(started);
        // no run is under way: a copy left in claimed/ belongs to a run that ended without tidying up
        sweepClaimed();
        Path claimed = file;
        if (Files.size(file) <= config.intake().maxFileSize()) {
            // the run reads its own copy, taken now: a file replaced in the inbox mid-run changes nothing of this run
            claimed = Files.createDirectories(Path.of(config.workDir(), WorkFolders.CLAIMED, id)).resolve(file.getFileName());
            Files.copy(file, claimed, StandardCopyOption.REPLACE_EXISTING);
        }
        // else no copy: a runaway export would fill the disk before being refused; the reader refuses it unread
        Run run = new Run(id, claimed, config.dryRun(), started, traffic.snapshot());
        run.full(FullRoster.named(file.getFileName().toString(), config.roster().fullFiles()));
        String sha256 = ReleaseBook.sha256(claimed);
        run.claimed(file, sha256);
        died.forEach((runId, content) -> {
            if (content.equals(sha256)) {
                run.diedBefore("was taken before (run " + runId + ") and that run ended without its record: what stopped"
                        + " it is in the log just before this line");
            }
        });
        List<String> killed = journal.endedWithTheProcess(sha256);
        if (killed.size() >= KILLED_RUNS_BEFORE_SET_ASIDE) {
            // a file that takes the process down (the heap, a crash) would do it at every start: a crash loop
            run.diedBefore("was taken " + killed.size() + " times (runs " + String.join(", ", killed) + ") and each time the"
                    + " process ended during the run (killed, or out of memory): it is not taken again by itself");
        }
        journal.open(run.id(), run.fileName(), sha256, run.dryRun(), run.started());
        run.earlierApplied(journal.appliedBy(sha256));
        exchange.setProperty(RunProperties.RUN, run);
        status.started(run);
        LOG.infof("run %s: %s picked up (%s)", id, run.fileName(), run.dryRun() ? "dry run" : "apply");
        return run;
    }

    /** Whether this content's last run here ended without its record (the route's choice: set it aside). */
    public boolean diedBefore(@ExchangeProperty(RunProperties.RUN) Run run) {
        return run.diedBefore() != null;
    }

    private void sweepClaimed() throws java.io.IOException {
        Path claimed = Path.of(config.workDir(), WorkFolders.CLAIMED);
        if (Files.isDirectory(claimed)) {
            try (var left = Files.list(claimed)) {
                for (Path folder : left.toList()) {
                    if (Files.isDirectory(folder, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                        try (var copies = Files.list(folder)) {
                            for (Path copy : copies.toList()) {
                                Files.deleteIfExists(copy);
                            }
                        }
                    }
                    Files.deleteIfExists(folder);
                }
            }
        }
    }

    static String reason(Throwable caught) {
        for (Throwable t = caught; t != null; t = t.getCause()) {
            if (t instanceof InterruptedException) {
                return "the service is shutting down";
            }
            if (t instanceof CircuitBreakerOpenException) {
                return "CXone failed five requests in a row, each after every retry: no request is sent to it for a while"
                        + " (circuit open)";
            }
            if (t instanceof RunStoppedException) {
                return t.getMessage();
            }
        }
        return CxoneClient.unwrap(caught).getMessage();
    }

    public void record(RowRequest request, @ExchangeProperty(RunProperties.RUN) Run run) {
        run.rows().add(request.row());
        status.progressed();
    }

    /**
     * Settles rows that repeat an (agent, skill): the same values make the later rows duplicates
     * ({@code unchanged}); different values reject them all, naming every line.
     */
    public void closeRows(@ExchangeProperty(RunProperties.RUN) Run run) {
        run.rows().allRead(true);
        for (List<Row> group : run.rows().repeats()) {
            Row first = group.get(0);
            List<Row> later = group.subList(1, group.size());
            if (later.stream().allMatch(first::asksSameAs)) {
                String detail = "duplicate of line " + first.line();
                later.forEach(row -> row.end(Outcome.UNCHANGED, detail));
                continue;
            }
            String lines = group.stream().map(r -> String.valueOf(r.line())).collect(Collectors.joining(", "));
            group.forEach(row -> row.end(Outcome.REJECTED, "line " + row.line()
                    + ": conflicting rows for the same agent and skill on lines " + lines));
        }
        LOG.infof("run %s: %d rows read, %d to compare with CXone", run.id(), run.rows().size(), run.rows().open().size());
    }

    /**
     * The run cannot go on (credentials, permission, CXone down, shutting down): every row still open fails
     * with the reason. The file stays in the inbox and runs again; rows applied so far then read as unchanged.
     */
    public void stop(@ExchangeProperty(RunProperties.RUN) Run run, @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception caught) {
        String reason = reason(caught);
        run.stop(reason);
        for (Throwable t = caught; t != null; t = t.getCause()) {
            if (t instanceof RunStoppedException stop && stop.expected()) {
                run.stoppedAsPlanned();
            }
        }
        LOG.errorf("run %s stopped: %s", run.id(), reason);
        String notWritten = "not written: the run stopped: " + reason;
        run.rows().open().forEach(row -> row.end(Outcome.FAILED, notWritten));
        if (!run.rows().allRead()) {
            // stopped while rows were being resolved: the rest of the file is accounted for too
            String notRead = "not read: the run stopped: " + reason;
            try (RosterReader.Rows rest = reader.rows(run.file(), run.skillColumns())) {
                rest.forEachRemaining(record -> {
                    if (record.index() >= run.rows().size()) {
                        Row row = new Row(record.line(), record.column());
                        row.end(Outcome.FAILED, notRead);
                        run.rows().add(row);
                    }
                });
            }
            run.rows().allRead(true);
        }
    }
}
