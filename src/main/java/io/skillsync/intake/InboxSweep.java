package io.skillsync.intake;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jboss.logging.Logger;

import io.skillsync.config.SkillSyncConfig;
import io.skillsync.config.Unit;
import io.skillsync.config.Units;
import io.skillsync.config.WorkFolders;
import io.skillsync.record.AtomicFiles;
import io.skillsync.record.RunIds;
import io.skillsync.record.RunRecords;

/**
 * Looks at the inbox the way the file consumer must not (route {@code inbox-sweep}): every entry whose
 * name says roster ({@code *.csv}) but which may not be taken, because its name is unsafe or too long, or
 * it is not a regular file (a symbolic link, a directory, a FIFO), is moved once into {@code error/} with
 * a reason file beside it. Nothing it moves is ever read or followed. Other files are left alone and
 * named once in the log. Names in the log are escaped: a newline in a name cannot forge a log line.
 * Made at start-up, so that its counter is there at 0 before anything is quarantined.
 */
@ApplicationScoped
@io.quarkus.runtime.Startup
@Named("inboxSweep")
public class InboxSweep {

    /** The current unit's settings, read at each call. */
    private final SkillSyncConfig config;

    private static final Logger LOG = Logger.getLogger(InboxSweep.class);

    private final MeterRegistry metrics;
    /** Names of strangers already said, so each is said once. */
    private final Set<String> said = java.util.concurrent.ConcurrentHashMap.newKeySet();

    InboxSweep(SkillSyncConfig config, MeterRegistry metrics, Units units) {
        this.config = config;
        this.metrics = metrics;
        units.all().forEach(this::quarantined);
    }

    private Counter quarantined(Unit unit) {
        return Counter.builder("skillsync.inbox.quarantined").tags(Units.tags(unit))
                .description("inbox entries moved to error/ unread: unsafe name, symbolic link, not a regular file")
                .register(metrics);
    }

    public void sweep() throws IOException {
        if (!Files.isDirectory(inbox())) {
            return;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(inbox())) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (name.startsWith(".") || name.endsWith(AtomicFiles.PART) || name.endsWith(".camelLock")) {
                    continue;
                }
                if (!RosterNames.roster(name)) {
                    if (said.add(name)) {
                        LOG.warnf("inbox/%s is not a .csv roster file: left alone", RosterNames.forLog(name));
                    }
                    continue;
                }
                String problem = problem(entry, name);
                if (problem != null) {
                    quarantine(entry, name, problem);
                }
            }
        }
    }

    private static String problem(Path entry, String name) {
        if (!RosterNames.safe(name)) {
            return name.length() > 120 ? "its name is " + name.length() + " characters long (at most 120)"
                    : "its name holds characters other than letters, digits, '.', '_', '-' and spaces"
                            + " (a backslash or a control character could lead outside inbox/)";
        }
        if (Files.isSymbolicLink(entry)) {
            return "it is a symbolic link (links are never followed)";
        }
        if (!InboxGate.regular(entry)) {
            return Files.isDirectory(entry, java.nio.file.LinkOption.NOFOLLOW_LINKS) ? "it is a directory"
                    : "it is not a regular file (a FIFO or a device)";
        }
        return null;
    }

    private void quarantine(Path entry, String name, String problem) throws IOException {
        String runId = RunIds.next(Instant.now());
        String base = RosterNames.quarantineName(name);
        Files.createDirectories(errors());
        Path target = errors().resolve(base + "." + runId + ".quarantined");
        Path reason = RunRecords.reasonFile(errors(), base, runId);
        // the entry itself moves (a link as a link): nothing is opened or followed
        Files.move(entry, target, StandardCopyOption.ATOMIC_MOVE);
        Files.writeString(reason, "A file was quarantined from inbox/ unread, because " + problem + ".\n"
                + "Its name (escaped): " + RosterNames.forLog(name) + "\nIt is now error/" + target.getFileName()
                + ".\nIf it is a roster, save it as a regular file named with letters, digits, '.', '_', '-'"
                + " and spaces, ending in .csv, and drop it into inbox/ again.\n", StandardCharsets.UTF_8);
        quarantined(Units.now()).increment();
        LOG.warnf("inbox/%s quarantined to error/%s unread: %s", RosterNames.forLog(name), target.getFileName(), problem);
    }

    private Path inbox() {
        return Path.of(config.workDir(), WorkFolders.INBOX);
    }

    private Path errors() {
        return Path.of(config.workDir(), WorkFolders.ERROR);
    }
}
