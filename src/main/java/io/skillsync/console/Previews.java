package io.skillsync.console;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.skillsync.config.SkillSyncConfig;
import io.skillsync.config.WorkFolders;
import io.skillsync.intake.RosterNames;
import io.skillsync.record.AtomicFiles;
import io.skillsync.record.ReleaseBook;
import io.skillsync.record.RunIds;
import io.skillsync.record.RunRecords;

/**
 * A look at a roster before anything is written. The content is kept under {@code previews/<id>/} and a
 * copy goes into the inbox as {@code <name>.preview-<id>.dryrun.csv}: the pipeline plans it like any file,
 * against CXone as it is, and writes nothing (a {@code .dryrun.csv} is a dry run), so the plan the page
 * shows is the one the guard weighed. Apply puts exactly that content (same sha256) into the inbox under
 * the roster's own name, where it runs, and is weighed by the guard again, like any file. A revert is a
 * preview of a run's undo roster. The content is streamed, never whole in the heap ({@link PreviewContent}),
 * and only so many previews are open, for so long ({@link PreviewShelf}).
 */
@ApplicationScoped
public class Previews {

    /** The current unit's settings, read at each call. */
    private final SkillSyncConfig config;

    static final Pattern ID = RunHistory.RUN_ID;

    private final Path previews;
    private final ObjectMapper json;
    private final RunHistory history;
    private final OperatorActions actions;
    private final PreviewContent content;
    private final PreviewShelf shelf;

    Previews(SkillSyncConfig config, ObjectMapper json, RunHistory history, OperatorActions actions, PreviewContent content,
            PreviewShelf shelf) {
        this.config = config;
        this.previews = workDir().resolve(WorkFolders.PREVIEWS);
        this.json = json;
        this.history = history;
        this.actions = actions;
        this.content = content;
        this.shelf = shelf;
    }

    /**
     * Keeps the roster {@code name} read from {@code from} as a preview and drops its dry run into the inbox.
     * {@code source} says where it came from (an upload, error/x.csv, the undo roster of run x). Refused when
     * max-open previews are open or the roster is over max-file-size, leaving nothing behind.
     */
    public Preview create(String name, Path from, String source, String by) throws IOException, WaitingRosters.Refused {
        expire();
        // a name decides nothing: an uploaded "x.dryrun.csv" or "x.approved.csv" is a plain roster when applied
        String base = RosterNames.quarantineName((name == null ? "roster.csv" : name).replaceAll("(?i)\\.(approved|dryrun)(?=\\.csv$)", "-$1"));
        String id = RunIds.next(Instant.now());
        Path dir = shelf.reserve(id);
        String sha;
        try {
            sha = content.keep(base + ".csv", from, dir.resolve("roster.csv"));
        } catch (IOException | WaitingRosters.Refused e) {
            shelf.remove(id);
            throw e;
        }
        String dryRun = base + ".preview-" + id + ".dryrun.csv";
        ObjectNode record = json.createObjectNode().put("id", id).put("name", base + ".csv").put("source", source)
                .put("sha256", sha).put("by", by).put("at", Instant.now().toString()).put("dryRunFile", dryRun);
        write(dir, record);
        content.intoInbox(dir.resolve("roster.csv"), dryRun, true);
        actions.record(by, source.startsWith("revert") ? "revert-preview" : "preview", source, sha);
        return find(id).orElseThrow();
    }

    /**
     * A preview and, once its dry run has run, that run's summary. The dry run's id is noted in the record the
     * first time it is found, so that a page listing previews does not read every summary since each was made;
     * synchronized with {@link #apply}, which writes the same record.
     */
    public synchronized Optional<Preview> find(String id) throws IOException {
        Path file = id == null || !ID.matcher(id).matches() ? null : previews.resolve(id).resolve("preview.json");
        if (file == null || !Files.isRegularFile(file)) {
            return Optional.empty();
        }
        ObjectNode record = (ObjectNode) json.readTree(file.toFile());
        String dryRun = record.path("dryRunFile").asText();
        JsonNode plan = record.has("planRunId") ? history.summary(record.path("planRunId").asText()).orElse(null) : null;
        if (plan == null) {
            Instant at = Instant.parse(record.path("at").asText());
            for (JsonNode summary : history.latest(500, at.minusSeconds(1))) {
                if (summary.path("file").asText().equals(dryRun)
                        && summary.path("sha256").asText().equals(record.path("sha256").asText())) {
                    plan = summary;
                    write(file.getParent(), record.put("planRunId", summary.path("runId").asText()));
                    break;
                }
            }
        }
        return Optional.of(new Preview(id, record.path("name").asText(), record.path("source").asText(),
                record.path("sha256").asText(), record.path("by").asText(), record.path("at").asText(), dryRun, plan,
                record.path("appliedBy").asText(null), record.path("appliedAs").asText(null)));
    }

    /** Applies a planned preview, once: into the inbox under its name; a preview of error/x.csv takes x's place. */
    public synchronized Preview apply(String id, String by) throws IOException, WaitingRosters.Refused {
        Preview preview = find(id).orElseThrow(() -> new WaitingRosters.Refused(404, ConsoleMessage.NO_PREVIEW,
                "no preview " + id));
        if (!preview.planned()) {
            throw new WaitingRosters.Refused(409, ConsoleMessage.NOT_PLANNED,
                    "the preview has not been planned yet: apply it once its plan shows");
        }
        if (preview.applied()) {
            throw new WaitingRosters.Refused(409, ConsoleMessage.ALREADY_APPLIED,
                    "already applied by " + preview.appliedBy() + " as inbox/" + preview.appliedAs());
        }
        if (appliedBySecondOperator() && by.equals(preview.by())) {
            throw new WaitingRosters.Refused(403, ConsoleMessage.SECOND_OPERATOR, by + " made this preview");
        }
        Path dir = previews.resolve(id);
        if (!ReleaseBook.sha256(dir.resolve("roster.csv")).equals(preview.sha256())) {
            throw new WaitingRosters.Refused(409, ConsoleMessage.CONTENT_CHANGED,
                    "the kept content no longer matches what was previewed: preview it again");
        }
        Path inbox = workDir().resolve(WorkFolders.INBOX);
        String as = preview.name();
        if (Files.exists(inbox.resolve(as))) {
            as = as.replaceFirst("(?i)\\.csv$", "") + "-" + id + ".csv";
        }
        content.intoInbox(dir.resolve("roster.csv"), as, false);
        if (preview.source().startsWith("error/")) {
            Path original = workDir().resolve(preview.source()).normalize();
            if (original.startsWith(workDir().resolve(WorkFolders.ERROR)) && Files.isRegularFile(original)
                    && ReleaseBook.sha256(original).equals(preview.sha256())) {
                Files.delete(original);
            }
        }
        ObjectNode record = (ObjectNode) json.readTree(dir.resolve("preview.json").toFile());
        record.put("appliedBy", by).put("appliedAt", Instant.now().toString()).put("appliedAs", as);
        write(dir, record);
        actions.record(by, preview.source().startsWith("revert") ? "revert-apply" : "apply", "inbox/" + as, preview.sha256());
        return find(id).orElseThrow();
    }

    /** Discards a preview not applied: its files go, and its dry run too if it still waits in the inbox. */
    public synchronized Preview discard(String id, String by) throws IOException, WaitingRosters.Refused {
        Preview preview = find(id).orElseThrow(() -> new WaitingRosters.Refused(404, ConsoleMessage.NO_PREVIEW, "no preview " + id));
        if (preview.applied()) {
            throw new WaitingRosters.Refused(409, ConsoleMessage.ALREADY_APPLIED,
                    "already applied by " + preview.appliedBy() + " as inbox/" + preview.appliedAs());
        }
        shelf.remove(id);
        actions.record(by, "discard", preview.source(), preview.sha256());
        return preview;
    }

    /** The roster that puts back what run {@code runId} changed (its undo roster), as a preview. */
    public Preview revert(String runId, String by) throws IOException, WaitingRosters.Refused {
        JsonNode summary = history.summary(runId).orElseThrow(() -> new WaitingRosters.Refused(404, ConsoleMessage.NO_RUN,
                "no run " + runId));
        Path undo = history.output(summary, RunRecords.UNDO).orElseThrow(() -> new WaitingRosters.Refused(409, ConsoleMessage.NOTHING_TO_REVERT,
                "run " + runId + " changed nothing in CXone (it has no undo roster): there is nothing to revert"));
        return create("revert-" + runId + ".csv", undo, "revert of run " + runId, by);
    }

    /** Records of the newest previews, for the console; those older than keep are removed first. */
    public List<Preview> latest(int limit) throws IOException {
        expire();
        List<Preview> list = new ArrayList<>();
        for (Path dir : shelf.folders().stream().limit(limit).toList()) {
            find(dir.getFileName().toString()).ifPresent(list::add);
        }
        return list;
    }

    /** Synchronized with find and apply, which read the folders expire removes. */
    private synchronized void expire() throws IOException {
        shelf.expire();
    }

    private void write(Path dir, JsonNode record) throws IOException {
        AtomicFiles.writeAtomically(dir.resolve("preview.json"),
                out -> json.writerWithDefaultPrettyPrinter().writeValue(out, record));
    }

    private Path workDir() {
        return Path.of(config.workDir());
    }

    private boolean appliedBySecondOperator() {
        return config.guard().releaseBySecondOperator();
    }
}
