package io.skillsync.record;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Journals as a run leaves them when the process ends under it (kill -9, the heap): a sealed run line and
 * nothing after it, for tests of what the next start does with them.
 */
public final class KilledRuns {

    private KilledRuns() {
    }

    /** Writes the journal of a run of content {@code sha256} killed at {@code started}; returns its run id. */
    public static String write(Path workDir, RecordSeal seal, String file, String sha256, Instant started) throws IOException {
        String runId = RunIds.next(started);
        String body = "{\"record\":\"run\",\"runId\":\"" + runId + "\",\"file\":\"" + file + "\",\"sha256\":\"" + sha256
                + "\",\"mode\":\"apply\",\"started\":\"" + started + "\"}";
        List<String> lines = new ArrayList<>();
        lines.add(JournalReplay.line(body, JournalReplay.seal(seal, runId, body)));
        Files.write(Files.createDirectories(workDir.resolve("journal")).resolve(runId + ".jsonl"), lines, StandardCharsets.UTF_8);
        return runId;
    }
}
