package io.skillsync.record;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jboss.logging.Logger;

import io.skillsync.config.GuardSettings;
import io.skillsync.config.SkillSyncConfig;

/**
 * What earlier runs deactivated within the guard's period, read from their audit files, so that the
 * blast-radius guard weighs files together: three files switching off 10, 9 and 8 of a skill's agents
 * are 27 deactivations of that skill, not three small ones.
 */
@ApplicationScoped
public class RecentChanges {

    /** The current unit's settings, read at each call. */
    private final SkillSyncConfig config;

    private static final Logger LOG = Logger.getLogger(RecentChanges.class);

    private final GuardSettings limits;

    RecentChanges(SkillSyncConfig config) {
        this.config = config;
        this.limits = config.guard();
    }

    /** Assignments deactivated by runs started within the period before {@code now}, per skillId. */
    public Map<Long, Integer> deactivationsBySkill(Instant now) {
        Map<Long, Integer> bySkill = new HashMap<>();
        Instant since = now.minus(limits.period());
        if (!Files.isDirectory(audit())) {
            return bySkill;
        }
        try (Stream<Path> files = Files.walk(audit(), 2)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".audit.csv")).toList()) {
                Instant started = RunIds.startOf(file.getFileName().toString());
                if (started != null && !started.isBefore(since) && started.isBefore(now)) {
                    count(file, bySkill);
                }
            }
        } catch (IOException e) {
            // an audit we cannot read must not let a file through: the caller holds on this
            throw new java.io.UncheckedIOException("cannot read earlier runs' audits under " + audit(), e);
        }
        return bySkill;
    }

    private static void count(Path auditFile, Map<Long, Integer> bySkill) throws IOException {
        try (Reader in = Files.newBufferedReader(auditFile, StandardCharsets.UTF_8)) {
            for (CSVRecord line : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                // a deactivation sent with no answer recorded (a kill between the write and its answer) may be held
                // by CXone: it counts, or the file's rerun (which finds it "unchanged") would leave it counted nowhere
                boolean sent = "applied".equals(get(line, "outcome"))
                        || "failed".equals(get(line, "outcome")) && get(line, "detail").startsWith(JournalRecovery.UNANSWERED);
                if (sent && "false".equals(get(line, "active"))
                        && "true".equals(get(line, "previousActive"))) {
                    try {
                        bySkill.merge(Long.parseLong(get(line, "resolvedSkillId")), 1, Integer::sum);
                    } catch (NumberFormatException e) {
                        LOG.debugf("audit %s line %s: no skill id", auditFile.getFileName(), get(line, "line"));
                    }
                }
            }
        }
    }

    private static String get(CSVRecord line, String column) {
        return line.isMapped(column) && line.isSet(column) ? line.get(column) : "";
    }

    private Path audit() {
        return Path.of(config.workDir(), "audit");
    }
}
