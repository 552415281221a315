package io.skillsync.console;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jboss.logging.Logger;

import io.skillsync.config.SkillSyncConfig;
import io.skillsync.config.WorkFolders;
import io.skillsync.record.RunIds;
import io.skillsync.run.RunStatus;

/**
 * The previews kept under {@code previews/}, one folder each, named by its id (which says when it was made).
 * Each holds a roster of up to max-file-size and queues a dry run, so at most
 * {@code skillsync.console.previews.max-open} are open at once (neither applied nor discarded), and none is
 * kept longer than {@code keep} (review N4).
 */
@ApplicationScoped
class PreviewShelf {

    /** The current unit's settings, read at each call. */
    private final SkillSyncConfig config;

    private static final Logger LOG = Logger.getLogger(PreviewShelf.class);

    private final Path previews;
    private final int maxOpen;
    private final Duration keep;
    private final ObjectMapper json;
    private final RunStatus status;

    PreviewShelf(SkillSyncConfig config, ObjectMapper json, RunStatus status) {
        this.config = config;
        this.previews = workDir().resolve(WorkFolders.PREVIEWS);
        this.maxOpen = config.console().previews().maxOpen();
        this.keep = config.console().previews().keep();
        this.json = json;
        this.status = status;
    }

    /**
     * The folder of a new preview, made now, or refused when max-open are open. Synchronized, and the folder
     * counts as open from here: two uploads at once cannot both take the last place.
     */
    synchronized Path reserve(String id) throws IOException, WaitingRosters.Refused {
        long open = 0;
        for (Path dir : folders()) {
            if (!applied(dir)) {
                open++;
            }
        }
        if (open >= maxOpen) {
            throw new WaitingRosters.Refused(429, ConsoleMessage.TOO_MANY_PREVIEWS, open + " previews are open, the most there may be (skillsync.console.previews.max-open):"
                    + " apply or discard one first. Nothing was kept.");
        }
        return Files.createDirectories(previews.resolve(id));
    }

    /** Removes every preview made longer than {@code keep} ago, with its files. */
    void expire() throws IOException {
        Instant oldest = Instant.now().minus(keep);
        for (Path dir : folders()) {
            Instant made = RunIds.startOf(dir.getFileName().toString());
            if (made != null && made.isBefore(oldest)) {
                LOG.infof("preview %s is older than skillsync.console.previews.keep (%s): removed", dir.getFileName(), keep);
                remove(dir.getFileName().toString());
            }
        }
    }

    /**
     * Removes a preview's folder and, when its dry run still waits in the inbox (not yet taken: it is not the
     * run under way), that too: a discarded preview leaves nothing queued. A dry run already under way
     * finishes; it writes nothing.
     */
    void remove(String id) throws IOException {
        Path dir = previews.resolve(id);
        JsonNode record = record(dir);
        String dryRun = record == null ? "" : record.path("dryRunFile").asText("");
        if (WaitingRosters.plainName(dryRun) && !dryRun.equals(status.runningFile())) {
            Files.deleteIfExists(workDir().resolve(WorkFolders.INBOX).resolve(dryRun));
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    /** The previews' folders, newest first. */
    List<Path> folders() throws IOException {
        if (!Files.isDirectory(previews)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(previews)) {
            return new ArrayList<>(dirs.filter(d -> Previews.ID.matcher(d.getFileName().toString()).matches())
                    .sorted(Comparator.comparing((Path d) -> d.getFileName().toString()).reversed()).toList());
        }
    }

    private boolean applied(Path dir) throws IOException {
        JsonNode record = record(dir);
        return record != null && record.hasNonNull("appliedAs");
    }

    /** A preview's record, or null while it is being made. */
    private JsonNode record(Path dir) throws IOException {
        Path file = dir.resolve("preview.json");
        return Files.isRegularFile(file) ? json.readTree(file.toFile()) : null;
    }

    private Path workDir() {
        return Path.of(config.workDir());
    }
}
