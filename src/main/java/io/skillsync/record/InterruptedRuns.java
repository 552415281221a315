package io.skillsync.record;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.jboss.logging.Logger;

import io.skillsync.config.WorkFolders;
import io.skillsync.sync.AssignmentKey;

/**
 * What earlier interrupted runs of the same content had sent, read from the journals kept under
 * {@code audit/}, so a rerun's audit names the rows the interrupted one had applied.
 */
final class InterruptedRuns {

    private static final Logger LOG = Logger.getLogger(InterruptedRuns.class);

    private final Path workDir;
    private final ObjectMapper json;

    private final RecordSeal seal;

    InterruptedRuns(Path workDir, ObjectMapper json, RecordSeal seal) {
        this.seal = seal;
        this.workDir = workDir;
        this.json = json;
    }

    /** What the given interrupted runs applied, by (agentId, skillId): the runId, for the rerun's audit. */
    Map<AssignmentKey, String> appliedBy(String sha256) {
        Map<AssignmentKey, String> applied = new LinkedHashMap<>();
        Path audit = workDir.resolve(WorkFolders.AUDIT);
        if (!Files.isDirectory(audit)) {
            return applied;
        }
        try (Stream<Path> files = Files.walk(audit, 2)) {
            for (Path journal : files.filter(f -> f.toString().endsWith(".journal.jsonl")).sorted().toList()) {
                // every kept journal is looked at on each run: only one of this content is read whole
                if (!firstLine(journal).contains(sha256)) {
                    continue;
                }
                String runId = journal.getFileName().toString().replace(".journal.jsonl", "");
                JournalReplay replay = JournalReplay.read(journal, runId, json, seal);
                if (replay.ended()) {
                    continue;
                }
                if (replay.refused() != null) {
                    LOG.warnf("the kept journal %s is not as the service wrote it (%s): only its lines before that count", journal, replay.refused());
                }
                for (JournalReplay.Sent row : replay.rows().values()) {
                    applied.put(new AssignmentKey(row.agentId(), row.skillId()), runId);
                }
            }
        } catch (IOException e) {
            LOG.warnf("cannot read earlier journals: %s", e.getMessage());
        }
        return applied;
    }

    private static String firstLine(Path file) throws IOException {
        try (var in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line = in.readLine();
            return line == null ? "" : line;
        }
    }
}
