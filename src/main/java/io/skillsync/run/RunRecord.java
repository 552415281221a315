package io.skillsync.run;

import static io.skillsync.record.AtomicFiles.writeAtomically;
import static io.skillsync.run.RunArchive.baseName;
import static io.skillsync.run.RunArchive.today;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.skillsync.config.WorkFolders;
import io.skillsync.record.RunJournal;
import io.skillsync.record.UndoRoster;
import io.skillsync.sync.Outcome;
import io.skillsync.sync.Row;
import io.skillsync.sync.RunResult;

/**
 * A finished run's record under {@code audit/<date>/}: its audit (with the error file when asked and needed),
 * its undo roster when it applied anything, its summary, and its journal closed beside them.
 */
final class RunRecord {

    private final Path workDir;
    private final RunAudit audit;
    private final RunSummary summaries;
    private final RunArchive archive;
    private final RunJournal journal;

    RunRecord(Path workDir, RunAudit audit, RunSummary summaries, RunArchive archive, RunJournal journal) {
        this.workDir = workDir;
        this.audit = audit;
        this.summaries = summaries;
        this.archive = archive;
        this.journal = journal;
    }

    /** Audit, error file (when asked and needed) and summary; returns the summary, fills {@code outputs}. */
    Map<String, Object> write(Run run, RunResult result, boolean withErrorFile, List<String> outputs)
            throws IOException {
        run.rows().stream().filter(Row::open).findFirst().ifPresent(row -> {
            throw new IllegalStateException("run " + run.id() + ": line " + row.line() + " has no outcome yet");
        });
        Path auditFile = workDir.resolve(WorkFolders.AUDIT).resolve(today(run)).resolve(run.id() + ".audit.csv");
        Path errors = workDir.resolve(WorkFolders.ERROR).resolve(baseName(run) + "." + run.id() + ".errors.csv");
        boolean errorFile = withErrorFile && run.rows().stream().anyMatch(row -> row.outcome().needsAttention());
        writeAtomically(auditFile, out -> audit.write(run, out, errorFile ? errors : null));
        outputs.add(archive.relative(auditFile));
        if (errorFile) {
            outputs.add(archive.relative(errors));
        }
        if (run.rows().stream().anyMatch(row -> row.outcome() == Outcome.APPLIED)) {
            // streamed from the rows: a million applied rows are not copied first
            Path undoFile = auditFile.resolveSibling(run.id() + ".undo.csv");
            UndoRoster.write(undoFile, () -> run.rows().stream().filter(row -> row.outcome() == Outcome.APPLIED)
                    .map(row -> new UndoRoster.UndoLine(row.agentId(), row.skillId(), row.previousProficiency(),
                            row.previousActive()))
                    .iterator());
            outputs.add(archive.relative(undoFile));
        }
        Path summary = auditFile.resolveSibling(run.id() + ".summary.json");
        outputs.add(archive.relative(summary));
        Map<String, Object> content = summaries.of(run, result, outputs);
        summaries.write(summary, content);
        journal.close(run.id(), result, auditFile.getParent());
        return content;
    }
}
