package io.skillsync.console;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.skillsync.config.SkillSyncConfig;
import io.skillsync.intake.RosterNames;
import io.skillsync.run.ReleaseBook;
import io.skillsync.run.RunIds;
import io.skillsync.config.WorkFolders;

/**
 * A look at a roster before anything is written. The content is kept under {@code previews/<id>/} and a
 * copy goes into the inbox as {@code <name>.preview-<id>.dryrun.csv}: the pipeline plans it like any file,
 * against CXone as it is, and writes nothing (a {@code .dryrun.csv} is a dry run), so the plan the page
 * shows is the one the guard weighed. Apply puts exactly that content (same sha256) into the inbox under
 * the roster's own name, where it runs, and is weighed by the guard again, like any file. A revert is a
 * preview of a run's undo roster.
 */
@ApplicationScoped
public class Previews {

    static final Pattern ID = RunHistory.RUN_ID;

    private final Path workDir;
    private final Path previews;
    private final ObjectMapper json;
    private final RunHistory history;
    private final OperatorActions actions;

    Previews(SkillSyncConfig config, ObjectMapper json, RunHistory history, OperatorActions actions) {
        this.workDir = Path.of(config.workDir());
        this.previews = workDir.resolve(WorkFolders.PREVIEWS);
        this.json = json;
        this.history = history;
        this.actions = actions;
    }

    /**
     * Keeps {@code content} as a preview of a roster called {@code name} and drops its dry run into the inbox.
     * {@code source} says where it came from (an upload, error/x.csv, the undo roster of run x).
     */
    public Preview create(String name, byte[] content, String source, String by) throws IOException {
        // a name decides nothing: an uploaded "x.dryrun.csv" or "x.approved.csv" is a plain roster when applied
        String base = RosterNames.quarantineName((name == null ? "roster.csv" : name).replaceAll("(?i)\\.(approved|dryrun)(?=\\.csv$)", "-$1"));
        String id = RunIds.next(Instant.now());
        Path dir = previews.resolve(id);
        Files.createDirectories(dir);
        Files.write(dir.resolve("roster.csv"), content);
        String sha = ReleaseBook.sha256(new ByteArrayInputStream(content));
        String dryRun = base + ".preview-" + id + ".dryrun.csv";
        ObjectNode record = json.createObjectNode().put("id", id).put("name", base + ".csv").put("source", source)
                .put("sha256", sha).put("by", by).put("at", Instant.now().toString()).put("dryRunFile", dryRun);
        write(dir, record);
        intoInbox(dryRun, content, true);
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

    /**
     * Applies a planned preview: its content goes into the inbox under the roster's name, once. A preview of
     * a file of error/ takes that file's place (it is removed if it still holds the same content).
     */
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
        Path dir = previews.resolve(id);
        byte[] content = Files.readAllBytes(dir.resolve("roster.csv"));
        if (!ReleaseBook.sha256(new ByteArrayInputStream(content)).equals(preview.sha256())) {
            throw new WaitingRosters.Refused(409, ConsoleMessage.CONTENT_CHANGED,
                    "the kept content no longer matches what was previewed: preview it again");
        }
        Path inbox = workDir.resolve(WorkFolders.INBOX);
        String as = preview.name();
        if (Files.exists(inbox.resolve(as))) {
            as = as.replaceFirst("(?i)\\.csv$", "") + "-" + id + ".csv";
        }
        intoInbox(as, content, false);
        if (preview.source().startsWith("error/")) {
            Path original = workDir.resolve(preview.source()).normalize();
            if (original.startsWith(workDir.resolve(WorkFolders.ERROR)) && Files.isRegularFile(original)
                    && ReleaseBook.sha256(Files.newInputStream(original)).equals(preview.sha256())) {
                Files.delete(original);
            }
        }
        ObjectNode record = (ObjectNode) json.readTree(dir.resolve("preview.json").toFile());
        record.put("appliedBy", by).put("appliedAt", Instant.now().toString()).put("appliedAs", as);
        write(dir, record);
        actions.record(by, preview.source().startsWith("revert") ? "revert-apply" : "apply", "inbox/" + as, preview.sha256());
        return find(id).orElseThrow();
    }

    /** The roster that puts back what run {@code runId} changed (its undo roster), as a preview. */
    public Preview revert(String runId, String by) throws IOException, WaitingRosters.Refused {
        JsonNode summary = history.summary(runId).orElseThrow(() -> new WaitingRosters.Refused(404, ConsoleMessage.NO_RUN,
                "no run " + runId));
        Path undo = history.output(summary, ".undo.csv").orElseThrow(() -> new WaitingRosters.Refused(409, ConsoleMessage.NOTHING_TO_REVERT,
                "run " + runId + " changed nothing in CXone (it has no undo roster): there is nothing to revert"));
        return create("revert-" + runId + ".csv", Files.readAllBytes(undo), "revert of run " + runId, by);
    }

    /** Records of the newest previews, for the console. */
    public java.util.List<Preview> latest(int limit) throws IOException {
        java.util.List<Preview> list = new java.util.ArrayList<>();
        if (!Files.isDirectory(previews)) {
            return list;
        }
        try (var dirs = Files.list(previews)) {
            for (Path dir : dirs.map(Path::getFileName).map(Path::toString).filter(n -> ID.matcher(n).matches())
                    .sorted(java.util.Comparator.reverseOrder()).limit(limit).map(previews::resolve).toList()) {
                find(dir.getFileName().toString()).ifPresent(list::add);
            }
        }
        return list;
    }

    /**
     * Staged beside the inbox, then moved in whole: the inbox never shows half a file. A dry run may make
     * the inbox; an apply expects it there, as it was when its preview ran.
     */
    private void intoInbox(String name, byte[] content, boolean makeInbox) throws IOException {
        Path staged = workDir.resolve(WorkFolders.STAGING).resolve(name);
        Files.createDirectories(staged.getParent());
        Files.write(staged, content);
        if (makeInbox) {
            Files.createDirectories(workDir.resolve(WorkFolders.INBOX));
        }
        Files.move(staged, workDir.resolve(WorkFolders.INBOX).resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    private void write(Path dir, JsonNode record) throws IOException {
        Path part = dir.resolve("preview.json.part");
        Files.write(part, json.writerWithDefaultPrettyPrinter().writeValueAsBytes(record));
        Files.move(part, dir.resolve("preview.json"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
