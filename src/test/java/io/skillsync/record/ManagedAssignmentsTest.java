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
    static final String TENANT = "https://api-c32.incontact.com/inContactAPI/services/v30.0 tenantId=11EB0C0F";
    static final String SANDBOX = "https://api-c32.incontact.com/inContactAPI/services/v30.0 tenantId=11EB0C0A";

    @Test
    void theLastSetOfEachAssignmentIsKeptAndReadBackAfterARestart() throws IOException {
        ManagedAssignments store = new ManagedAssignments(work);
        assertTrue(store.current(TENANT).isEmpty(), "no run applied anything yet");
        store.record(TENANT, List.of(new ManagedAssignment(1, 7, 5, true, "run-1", AT), new ManagedAssignment(2, 7, Row.NONE, false,
                "run-1", AT)).iterator());
        store.record(TENANT, List.of(new ManagedAssignment(1, 7, 9, true, "run-2", AT.plusSeconds(60))).iterator());
        Path file = work.resolve(RunRecords.MANAGED).resolve(RunRecords.managedFile(ManagedAssignments.tenantOf(TENANT)));
        assertTrue(Files.isRegularFile(file));
        assertFalse(Files.exists(AtomicFiles.part(file)), "written whole, renamed");

        Map<AssignmentKey, ManagedAssignment> reloaded = new ManagedAssignments(work).current(TENANT);
        assertEquals(2, reloaded.size(), "one entry per assignment, whatever the runs");
        assertEquals(new ManagedAssignment(1, 7, 9, true, "run-2", AT.plusSeconds(60)), reloaded.get(new AssignmentKey(1, 7)));
        assertEquals(new ManagedAssignment(2, 7, Row.NONE, false, "run-1", AT), reloaded.get(new AssignmentKey(2, 7)));
        assertTrue(new ManagedAssignments(work).current(SANDBOX).isEmpty(), "another tenant's are not ours to weigh");
    }

    @Test
    void aFileChangedUnderItIsReadAgainAndALineEditedByHandCostsOnlyThatLine() throws IOException {
        ManagedAssignments store = new ManagedAssignments(work);
        store.record(TENANT, List.of(new ManagedAssignment(1, 7, 5, true, "run-1", AT)).iterator());
        // the other replica of a shared work dir wrote it since
        Files.writeString(work.resolve(RunRecords.MANAGED).resolve(RunRecords.managedFile(ManagedAssignments.tenantOf(TENANT))), "agentId,skillId,proficiency,active,runId,at\n"
                + "1,7,6,true,run-9," + AT + "\nnot-a-number,7,5,true,run-9," + AT + "\n3,8,4,false,run-9,yesterday\n"
                + "4,8,2,false,run-9," + AT + "\n", StandardCharsets.UTF_8);
        Map<AssignmentKey, ManagedAssignment> now = store.current(TENANT);
        assertEquals(2, now.size(), now.toString());
        assertEquals(6, now.get(new AssignmentKey(1, 7)).proficiency());
        assertFalse(now.get(new AssignmentKey(4, 8)).active());
    }
}
