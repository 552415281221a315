package io.skillsync.intake;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

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
 * The rosters waiting under scheduled/ for their time (roster-format.md, "Effective dates"): rows a run found
 * effective later, and the ends of temporary changes. When its time comes a file moves into inbox/ and runs
 * as any roster (the window and the guard as usual); an operator sees them and may cancel one, which moves it
 * to error/ with the reason, so nothing scheduled disappears unrecorded.
 */
@ApplicationScoped
@Named("scheduledRosters")
public class ScheduledRosters {

    private static final Logger LOG = Logger.getLogger(ScheduledRosters.class);

    /** A file waiting: its name under scheduled/ and when it is due. */
    public record Scheduled(String name, Instant due) {
    }

    private final SkillSyncConfig config;

    ScheduledRosters(SkillSyncConfig config, MeterRegistry metrics, Units units) {
        this.config = config;
        for (Unit unit : units.all()) {
            metrics.gauge("skillsync.scheduled.files", Units.tags(unit), this, s -> Units.in(unit, s::count));
        }
    }

    private Path scheduled() {
        return Path.of(config.workDir(), WorkFolders.SCHEDULED);
    }

    private Path inbox() {
        return Path.of(config.workDir(), WorkFolders.INBOX);
    }

    private Path errors() {
        return Path.of(config.workDir(), WorkFolders.ERROR);
    }

    /** Moves every file whose time has come into the inbox; returns how many. */
    public int release() throws IOException {
        int released = 0;
        Instant now = Instant.now();
        for (Scheduled file : list()) {
            if (!file.due().isAfter(now)) {
                Files.createDirectories(inbox());
                Files.move(scheduled().resolve(file.name()), inbox().resolve(file.name()), StandardCopyOption.ATOMIC_MOVE);
                LOG.infof("scheduled/%s is due (%s): moved into inbox/ to run", file.name(), file.due());
                released++;
            }
        }
        return released;
    }

    /** The files waiting, soonest first; a file SkillSync did not name is left alone (and not listed). */
    public List<Scheduled> list() throws IOException {
        if (!Files.isDirectory(scheduled())) {
            return List.of();
        }
        List<Scheduled> waiting = new ArrayList<>();
        try (Stream<Path> files = Files.list(scheduled())) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String name = file.getFileName().toString();
                Instant due = name.endsWith(AtomicFiles.PART) ? null : RunRecords.due(name);
                if (due != null) {
                    waiting.add(new Scheduled(name, due));
                }
            }
        }
        waiting.sort((a, b) -> a.due().equals(b.due()) ? a.name().compareTo(b.name()) : a.due().compareTo(b.due()));
        return waiting;
    }

    /** An operator cancels a scheduled file: it moves to error/ with who cancelled it and when. */
    public boolean cancel(String name, String by) throws IOException {
        if (list().stream().noneMatch(file -> file.name().equals(name))) {
            return false;
        }
        Files.createDirectories(errors());
        Path target = errors().resolve(name);
        Files.move(scheduled().resolve(name), target, StandardCopyOption.ATOMIC_MOVE);
        String base = name.substring(0, name.length() - ".csv".length());
        AtomicFiles.writeAtomically(RunRecords.reasonFile(errors(), base, RunIds.next(Instant.now())),
                out -> out.write("scheduled/" + name + " was cancelled by " + by + " at " + Instant.now()
                        + ": nothing of it was written. To run it after all, move it into inbox/.\n"));
        LOG.warnf("scheduled/%s cancelled by %s: moved to error/", name, by);
        return true;
    }

    private double count() {
        try {
            return list().size();
        } catch (IOException e) {
            return Double.NaN;
        }
    }
}
