package io.skillsync.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.skillsync.sync.AssignmentKey;
import io.skillsync.sync.ManagedAssignment;
import io.skillsync.sync.Row;

/** What SkillSync last set outlives the process: written whole under .managed/, read back by the next one. */
class ManagedAssignmentsTest {

    @TempDir
    Path work;

    static final Instant AT = Instant.parse("2026-12-07T23:05:01Z");

    @Test
    void theLastSetOfEachAssignmentIsKeptAndReadBackAfterARestart() throws IOException {
        ManagedAssignments store = new ManagedAssignments(work);
        assertTrue(store.current().isEmpty(), "no run applied anything yet");
        store.record(List.of(new ManagedAssignment(1, 7, 5, true, "run-1", AT), new ManagedAssignment(2, 7, Row.NONE, false,
                "run-1", AT)).iterator());
        store.record(List.of(new ManagedAssignment(1, 7, 9, true, "run-2", AT.plusSeconds(60))).iterator());
        assertFalse(Files.exists(AtomicFiles.part(work.resolve(RunRecords.MANAGED))), "written whole, renamed");

        Map<AssignmentKey, ManagedAssignment> reloaded = new ManagedAssignments(work).current();
        assertEquals(2, reloaded.size(), "one entry per assignment, whatever the runs");
        assertEquals(new ManagedAssignment(1, 7, 9, true, "run-2", AT.plusSeconds(60)), reloaded.get(new AssignmentKey(1, 7)));
        assertEquals(new ManagedAssignment(2, 7, Row.NONE, false, "run-1", AT), reloaded.get(new AssignmentKey(2, 7)));
    }

    @Test
    void aFileChangedUnderItIsReadAgainAndALineEditedByHandCostsOnlyThatLine() throws IOException {
        ManagedAssignments store = new ManagedAssignments(work);
        store.record(List.of(new ManagedAssignment(1, 7, 5, true, "run-1", AT)).iterator());
        // the other replica of a shared work dir wrote it since
        Files.writeString(work.resolve(RunRecords.MANAGED), "agentId,skillId,proficiency,active,runId,at\n"
                + "1,7,6,true,run-9," + AT + "\nnot-a-number,7,5,true,run-9," + AT + "\n3,8,4,false,run-9,yesterday\n"
                + "4,8,2,false,run-9," + AT + "\n", StandardCharsets.UTF_8);
        Map<AssignmentKey, ManagedAssignment> now = store.current();
        assertEquals(2, now.size(), now.toString());
        assertEquals(6, now.get(new AssignmentKey(1, 7)).proficiency());
        assertFalse(now.get(new AssignmentKey(4, 8)).active());
    }
}
