package io.skillsync.results;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.processor.idempotent.FileIdempotentRepository;
import org.jboss.logging.Logger;

import io.skillsync.config.PerUnit;
import io.skillsync.config.SkillSyncConfig;
import io.skillsync.record.RunRecords;
import io.skillsync.record.RunSummary;

/**
 * After each run (route {@code run-results}, on the leader): a run of a roster from SFTP gets a result file
 * and its error file, if any, in HR's results folder; a run that needs a person is mailed to the configured
 * list. Read from the runs' summaries, never from a run in progress, so a slow or failing SFTP server or
 * mail relay never holds up a run; what was not delivered is tried again at the next poll. What was
 * delivered is remembered under the work dir (on first start, the runs already there count as delivered).
 */
@ApplicationScoped
@Named("runResults")
public class RunResults {

    /** The current unit's settings, read at each call. */
    private final SkillSyncConfig config;

    private static final Logger LOG = Logger.getLogger(RunResults.class);

    /**
     * A file for HR's results folder.
     *
     * @param completesRun the run this file completes the report of (its result file, sent last), else null
     */
    public record ResultFile(String name, byte[] content, String completesRun) {
    }

    private final RunRecords records;
    private final SftpOrigins origins;
    private final Mailer mailer;
    private final ObjectMapper json;
    private final IdempotentRepository delivered;
    /** What this bean keeps of one unit's tenant, for each unit ({@link PerUnit}). */
    private final PerUnit<Mailing> state = new PerUnit<>(unit -> new Mailing());

    private final io.skillsync.cluster.Leadership leadership;

    RunResults(SkillSyncConfig config, SftpOrigins origins, Mailer mailer, ObjectMapper json,
            io.skillsync.cluster.Leadership leadership, RunRecords records) {
        this.config = config;
        this.leadership = leadership;
        this.records = records;
        this.origins = origins;
        this.mailer = mailer;
        this.json = json;
        File store = workDir().resolve(".results-delivered").toFile();
        boolean firstStart = !store.exists();
        this.delivered = FileIdempotentRepository.fileIdempotentRepository(store, 100_000);
        if (firstStart && (sftp() || !mailTo().isEmpty())) {
            // runs from before this service reported anything are not announced now, days late
            summaries().forEach(summary -> {
                delivered.add("sftp:" + summary.path("runId").asText());
                delivered.add("mail:" + summary.path("runId").asText());
            });
        }
    }

    /**
     * Route {@code run-results}, each poll, on the leader only: mails each run that needs a person, once,
     * and answers the files still to put in HR's results folder. The summaries are read once for both.
     */
    public List<ResultFile> deliver() throws IOException {
        if (!leadership.leads() || mailTo().isEmpty() && !sftp()) {
            return List.of();
        }
        List<JsonNode> runs = summaries();
        mailNew(runs);
        return forHr(runs);
    }

    private void mailNew(List<JsonNode> runs) {
        if (mailTo().isEmpty()) {
            return;
        }
        for (JsonNode summary : runs) {
            String key = "mail:" + summary.path("runId").asText();
            if (!ResultText.needsAPerson(summary) || delivered.contains(key)) {
                continue;
            }
            Path errors = errorFile(summary);
            try {
                mailer.send(Mail.withText(mailTo().get(0), ResultText.subject(summary),
                        ResultText.body(summary, errors == null ? null : errors.getFileName().toString(),
                                sftp() ? resultsDir() : "SkillSync's error")).setTo(mailTo()));
                delivered.add(key);
                state.get().mailProblem = null;
                LOG.infof("Mailed the result of %s (run %s) to %d address(es)", summary.path("file").asText(),
                        summary.path("runId").asText(), mailTo().size());
            } catch (RuntimeException e) {
                String problem = e.getClass().getSimpleName() + ": " + e.getMessage();
                if (!problem.equals(state.get().mailProblem)) {
                    LOG.warnf("Could not mail the result of run %s: %s; tried again at the next poll",
                            summary.path("runId").asText(), problem);
                }
                state.get().mailProblem = problem;
                return;
            }
        }
    }

    /** The files still to put in HR's results folder: per run of a roster from SFTP, its errors and result. */
    private List<ResultFile> forHr(List<JsonNode> runs) throws IOException {
        List<ResultFile> files = new ArrayList<>();
        if (!sftp()) {
            return files;
        }
        for (JsonNode summary : runs) {
            String runId = summary.path("runId").asText();
            if (delivered.contains("sftp:" + runId) || !origins.fromSftp(summary.path("sha256").asText(null))) {
                continue;
            }
            Path errors = errorFile(summary);
            if (errors != null) {
                files.add(new ResultFile(errors.getFileName().toString(), Files.readAllBytes(errors), null));
            }
            String base = summary.path("file").asText().replaceFirst("\\.[^.]*$", "");
            Path audit = records.output(summary, RunRecords.AUDIT).orElse(null);
            String plan = null;
            if (RunSummary.DRY_RUN.equals(summary.path("mode").asText()) && audit != null) {
                // a preview: each row's now and would-be, for HR to check before the file runs for real
                plan = base + "." + runId + ".plan.csv";
                files.add(new ResultFile(plan, PreviewPlan.of(audit), null));
            }
            // the result file last: once it is there, the run counts as reported
            files.add(new ResultFile(base + "." + runId + ".result.txt",
                    ResultText.body(summary, errors == null ? null : errors.getFileName().toString(), resultsDir(), plan)
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8), runId));
        }
        return files;
    }

    /** Route {@code run-results}, after each upload: the run's report is complete once its result file is there. */
    public void delivered(String completesRun) {
        if (completesRun != null && !completesRun.isEmpty()) {
            delivered.add("sftp:" + completesRun);
            LOG.infof("Results of run %s are in HR's %s/ on the SFTP server", completesRun, resultsDir());
        }
    }

    private Path errorFile(JsonNode summary) {
        return records.output(summary, RunRecords.ERRORS).orElse(null);
    }

    /** The summaries of today's and yesterday's runs (in the service's zone, as the audit folders are named). */
    private List<JsonNode> summaries() {
        List<JsonNode> found = new ArrayList<>();
        LocalDate today = LocalDate.now(ZoneId.systemDefault());
        for (LocalDate day : List.of(today.minusDays(1), today)) {
            try {
                for (Path file : records.summaries(day)) {
                    found.add(json.readTree(file.toFile()));
                }
            } catch (IOException e) {
                LOG.warnf("Could not read the run summaries of %s: %s", day, e.getMessage());
            }
        }
        return found;
    }

    private Path workDir() {
        return Path.of(config.workDir());
    }

    private boolean sftp() {
        return config.sftp().enabled();
    }

    private String resultsDir() {
        return config.sftp().resultsDir();
    }

    private List<String> mailTo() {
        return config.notifications().mailTo().orElse(List.of()).stream().filter(a -> !a.isBlank()).toList();
    }

    private static final class Mailing {
        volatile String mailProblem;
    }
}
