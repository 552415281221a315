package io.skillsync.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.skillsync.support.TestConfig;

/**
 * A journal is believed only as far as the service sealed it (issue 23, N1); an interrupted run's record
 * counts a deactivation sent with no answer for the rolling guard (N6) and its undo roster holds only what
 * CXone said it applied (N13).
 */
class JournalRecoveryTest {

    static final Instant STARTED = Instant.now().minus(Duration.ofMinutes(5));
    static final String RUN = RunIds.next(STARTED);
    static final long TIER_1 = 112233;

    @TempDir
    Path work;
    Path journals;
    final ObjectMapper json = new ObjectMapper();
    final RecordSeal seal = new RecordSeal(Optional.of("a-test-key-of-at-least-thirty-two-characters"));
    final AtomicInteger interrupted = new AtomicInteger();

    @BeforeEach
    void journals() throws IOException {
        journals = Files.createDirectories(work.resolve("journal"));
    }

    /** Batch 1 (agents 1 off, 2 to 3) answered applied; batch 2 (agent 3 off) sent when the process was killed. */
    List<String> killedMidBatchTwo() throws IOException {
        return List.of(
                "{\"record\":\"run\",\"runId\":\"" + RUN + "\",\"file\":\"qa.csv\",\"sha256\":\"ab\",\"mode\":\"apply\",\"started\":\"" + STARTED + "\"}",
                "{\"record\":\"batch\",\"batch\":1,\"rows\":[" + sent(2, 1, 5, true, 5, false) + "," + sent(3, 2, 5, true, 3, true) + "]}",
                "{\"record\":\"answer\",\"batch\":1,\"status\":200,\"rows\":[{\"line\":2,\"outcome\":\"applied\",\"detail\":\"\"},"
                        + "{\"line\":3,\"outcome\":\"applied\",\"detail\":\"\"}]}",
                "{\"record\":\"batch\",\"batch\":2,\"rows\":[" + sent(4, 3, 5, true, 5, false) + "]}");
    }

    static String sent(int line, long agent, int previousProficiency, boolean previousActive, int proficiency, boolean active) {
        return "{\"line\":" + line + ",\"agentId\":" + agent + ",\"skillId\":" + TIER_1 + ",\"previousProficiency\":" + previousProficiency
                + ",\"previousActive\":" + (previousActive ? 1 : 0) + ",\"proficiency\":" + proficiency + ",\"active\":" + active + "}";
    }

    /** The lines as RunJournal seals them, each chained to the one before, the first to the run id. */
    Path write(List<String> bodies) throws IOException {
        List<String> lines = new ArrayList<>();
        String chain = RUN;
        for (String body : bodies) {
            String mac = JournalReplay.seal(seal, chain, body);
            lines.add(JournalReplay.line(body, mac));
            chain = mac;
        }
        return Files.write(journals.resolve(RUN + ".jsonl"), lines, StandardCharsets.UTF_8);
    }

    List<String> recover() {
        return new JournalRecovery(work, journals, json, interrupted::incrementAndGet, seal).recover(id -> false);
    }

    Path audit(String suffix) {
        return work.resolve("audit").resolve(LocalDate.ofInstant(STARTED, ZoneId.systemDefault()).toString()).resolve(RUN + suffix);
    }

    @Test
    void aSealedJournalIsReadWhole() throws IOException {
        JournalReplay replay = JournalReplay.read(write(killedMidBatchTwo()), RUN, json, seal);
        assertNull(replay.refused());
        assertEquals(3, replay.rows().size());
        assertEquals("applied", replay.rows().get(JournalReplay.key(2, -1)).outcome());
        assertNull(replay.rows().get(JournalReplay.key(4, -1)).outcome(), "sent, no answer");
    }

    @Test
    void theUndoRosterHoldsOnlyWhatCxoneSaidItAppliedAndTheGuardCountsTheUnanswered() throws IOException {
        write(killedMidBatchTwo());
        assertEquals(List.of(RUN), recover());
        assertEquals(1, interrupted.get());

        List<String> undo = Files.readAllLines(audit(".undo.csv"));
        assertEquals(3, undo.size(), "agents 1 and 2 (applied), not agent 3 (no answer): " + undo);
        assertFalse(undo.stream().anyMatch(l -> l.startsWith("3,")), undo.toString());

        // agent 3's deactivation may be held by CXone: the rolling guard counts it with agent 1's
        RecentChanges recent = new RecentChanges(TestConfig.of(Map.of("workDir", work.toString(), "guard.period", Duration.ofHours(24))));
        assertEquals(Map.of(TIER_1, 2), recent.deactivationsBySkill(Instant.now()));
    }

    @Test
    void anEditedLineAndEverythingAfterItCountForNothing() throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(write(killedMidBatchTwo())));
        // agent 2's previous proficiency changed by hand: the undo roster would have set 9 instead of 5
        lines.set(1, lines.get(1).replace("\"agentId\":2,\"skillId\":112233,\"previousProficiency\":5", "\"agentId\":2,\"skillId\":112233,\"previousProficiency\":9"));
        Files.write(journals.resolve(RUN + ".jsonl"), lines);
        JournalReplay replay = JournalReplay.read(journals.resolve(RUN + ".jsonl"), RUN, json, seal);
        assertEquals("line 2's seal does not match (written without the service's key, edited, or moved from another journal)", replay.refused());
        assertTrue(replay.rows().isEmpty());

        recover();
        assertTrue(Files.exists(journals.resolve("quarantined/" + RUN + ".jsonl")), "set aside with its reason");
        assertEquals(List.of("agentId,skillId,proficiency,active"), Files.readAllLines(audit(".undo.csv")), "nothing undone from a forged line");
        assertTrue(Files.readString(audit(".summary.json")).contains("line 2's seal does not match"));
    }

    @Test
    void aRemovedOrForeignOrUnsealedLineBreaksTheChain() throws IOException {
        List<String> sealed = Files.readAllLines(write(killedMidBatchTwo()));
        List<String> removed = new ArrayList<>(sealed);
        removed.remove(2);
        Files.write(journals.resolve(RUN + ".jsonl"), removed);
        assertEquals(2, JournalReplay.read(journals.resolve(RUN + ".jsonl"), RUN, json, seal).rows().size(), "batch 2 left out");

        // the same lines under another run's name: the chain starts from the run id
        Files.write(journals.resolve(RUN + ".jsonl"), sealed);
        assertTrue(JournalReplay.read(journals.resolve(RUN + ".jsonl"), RunIds.next(STARTED.plusSeconds(1)), json, seal)
                .refused().startsWith("line 1"));

        List<String> unsealed = new ArrayList<>(sealed);
        unsealed.add("{\"record\":\"answer\",\"batch\":2,\"status\":200,\"rows\":[{\"line\":4,\"outcome\":\"applied\",\"detail\":\"\"}]}");
        unsealed.add("{\"record\":\"end\",\"result\":\"complete\"}");
        Files.write(journals.resolve(RUN + ".jsonl"), unsealed);
        JournalReplay replay = JournalReplay.read(journals.resolve(RUN + ".jsonl"), RUN, json, seal);
        assertEquals("line 5 has no seal (written without the service's key, edited, or moved from another journal)", replay.refused());
        assertFalse(replay.ended(), "a forged end does not end it");
        assertNull(replay.rows().get(JournalReplay.key(4, -1)).outcome());
    }
}
