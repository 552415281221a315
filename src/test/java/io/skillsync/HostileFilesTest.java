package io.skillsync;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import io.skillsync.config.SkillSyncConfig;
import io.skillsync.cxone.TenantDirectory;
import io.skillsync.simulator.TenantSimulator;
import io.skillsync.support.Rosters;
import io.skillsync.support.Tenants;

/**
 * Files an attacker or a careless tool puts in the inbox (issue: the guard, the file and the journal made
 * tamper-proof): none is read, followed or moved outside the work dir; each is quarantined to error/
 * once, unread, with a reason.
 */
@QuarkusTest
class HostileFilesTest {

    static final Path INBOX = Drop.WORK.resolve("inbox");

    @Inject
    SkillSyncConfig config;
    @Inject
    TenantSimulator tenant;
    @Inject
    TenantDirectory directory;
    @Inject
    io.skillsync.cxone.CurrentAssignments current;
    @Inject
    io.skillsync.record.RecordSeal seal;

    @org.junit.jupiter.api.BeforeEach
    void inbox() throws IOException {
        Files.createDirectories(INBOX);
    }

    /** The quarantined entry whose reason file names {@code marker}, once it is there. */
    static Path awaitQuarantined(String marker) {
        return await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).until(() -> {
            try (var files = Files.list(Drop.WORK.resolve("error"))) {
                for (Path reason : files.filter(f -> f.toString().endsWith(".reason.txt")).toList()) {
                    String text = Files.readString(reason);
                    if (text.contains(marker)) {
                        String stem = reason.getFileName().toString().replace(".reason.txt", "");
                        return Optional.of(reason.resolveSibling(stem + ".quarantined"));
                    }
                }
            } catch (IOException e) {
                return Optional.<Path>empty();
            }
            return Optional.<Path>empty();
        }, Optional::isPresent).get();
    }

    @Test
    void aBackslashInANameCannotLeadOutsideTheWorkDir() throws Exception {
        Tenants.everyoneOnTier1(tenant, directory, 10);
        // Camel reads '\' as '/': "x\..\..\..\elsewhere\victim.csv" with an empty x/ beside it named target/elsewhere/
        Path victim = Files.createDirectories(Drop.WORK.resolveSibling("elsewhere")).resolve("victim.csv");
        Files.writeString(victim, Rosters.everyoneGetsRetention(10));
        Files.createDirectories(INBOX.resolve("x"));
        Path hostile = INBOX.resolve("x\\..\\..\\..\\elsewhere\\victim.csv");
        Files.writeString(hostile, Rosters.everyoneGetsRetention(10));

        Path quarantined = awaitQuarantined("x\\..\\..\\..\\elsewhere\\victim.csv");
        assertTrue(Files.exists(quarantined), "the hostile file is in error/, unread");
        assertFalse(Files.exists(hostile));
        assertTrue(Files.exists(victim), "nothing outside the work dir is read or moved");
        assertEquals(0, tenant.writes(), "nothing reached CXone");
        assertTrue(Files.isDirectory(INBOX.resolve("x")), "a folder without .csv is left alone");
    }

    @Test
    void aSymbolicLinkIsNeverFollowed() throws Exception {
        Tenants.everyoneOnTier1(tenant, directory, 10);
        Path secret = Files.createDirectories(Drop.WORK.resolveSibling("secrets")).resolve("passwd");
        Files.writeString(secret, "root:x:0:0:root:/root:/bin/bash\n");
        Path link = Files.createSymbolicLink(INBOX.resolve("link-to-passwd.csv"), secret.toAbsolutePath());

        Path quarantined = awaitQuarantined("link-to-passwd.csv");
        assertTrue(Files.isSymbolicLink(quarantined), "the link itself moved, its target untouched");
        assertTrue(Files.readString(quarantined.resolveSibling(quarantined.getFileName().toString()
                .replace(".quarantined", ".reason.txt"))).contains("symbolic link"));
        assertFalse(Files.exists(link, LinkOption.NOFOLLOW_LINKS));
        assertTrue(Drop.summaries(Drop.WORK).stream().noneMatch(s -> s.path("file").asText().startsWith("link-to")),
                "no run read it");
    }

    @Test
    void aDirectoryAFifoAnOverlongNameAndANewlineAreSetAsideOnce() throws Exception {
        Files.createDirectories(INBOX.resolve("folder.csv"));
        Path fifo = INBOX.resolve("pipe.csv");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertEquals(0, mkfifo.waitFor());
        String longName = "a".repeat(246) + ".csv";
        Files.writeString(INBOX.resolve(longName), "email,skill,proficiency\n");
        Files.writeString(INBOX.resolve("evil\nINFO forged.csv"), "email,skill,proficiency\n");

        awaitQuarantined("folder.csv");
        awaitQuarantined("pipe.csv");
        awaitQuarantined("(250 characters)");
        Path forged = awaitQuarantined("evil\\u000aINFO forged.csv");
        String reason = Files.readString(forged.resolveSibling(forged.getFileName().toString()
                .replace(".quarantined", ".reason.txt")), StandardCharsets.UTF_8);
        assertFalse(reason.contains("evil\nINFO"), "the newline is escaped");
        try (var inbox = Files.list(INBOX)) {
            List<String> left = inbox.map(p -> p.getFileName().toString())
                    .filter(n -> n.equals("folder.csv") || n.equals("pipe.csv") || n.equals(longName) || n.startsWith("evil"))
                    .toList();
            assertEquals(List.of(), left, "each set aside, none left to loop on");
        }
    }

    /** Before: a writer pausing over the settle time mid-line had "15" applied as "1" and the rest dropped. */
    @Test
    void aWriterPausingMidLineIsNotReadHalfWay() throws Exception {
        Tenants.everyoneOnTier1(tenant, directory, 10);
        Path file = INBOX.resolve("paused-writer.csv");
        Files.writeString(file, "email,skill,proficiency\n" + Tenants.email(1) + ",Tier_1_Support,1");
        // the HR tool stalls mid-line for longer than the intake's settle time, then goes on writing
        Thread.sleep(1000);
        Files.writeString(file, "5\n" + Tenants.email(2) + ",Tier_1_Support,15\n", java.nio.file.StandardOpenOption.APPEND);

        var run = Drop.awaitRun("paused-writer.csv");
        assertEquals(2, run.path("counts").path("rows").asInt(), run.toString());
        assertEquals(15, tenant.assignment(Tenants.agentId(1), Tenants.TIER_1).proficiency(), "15, not 1");
        assertEquals(15, tenant.assignment(Tenants.agentId(2), Tenants.TIER_1).proficiency());
    }

    /** Before: an unexpected exception was retried for ever with only a WARN "Rollback". */
    @Test
    void anUnexpectedFailureIsSaidSetAsideAndNotTakenAgain() throws Exception {
        dropWithAnExplodingRow("bug.csv", io.skillsync.run.ExplodingRowValidator.TRIGGER);
        var run = Drop.awaitRun("bug.csv");
        assertEquals("failed", run.path("result").asText(), run.toString());
        assertTrue(run.path("failedBecause").asText().contains("a bug met on line 3"), run.toString());
        Drop.awaitGone("bug.csv");
        try (var error = Files.list(Drop.WORK.resolve("error"))) {
            assertTrue(error.anyMatch(f -> f.getFileName().toString().startsWith("bug.") && f.toString().endsWith(".reason.txt")));
        }
        assertTrue(Files.exists(Drop.WORK.resolve("error/bug.csv")), "the file is set aside in error/");
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> Drop.summaries(Drop.WORK).stream()
                .filter(s -> s.path("file").asText().equals("bug.csv")).count() == 1);
    }

    /**
     * Before (issue 23, N2): a file whose line 3 cannot be read after line 2 was (a runaway field, or a line
     * past max-rows) wrote its reason file, then failed counting the row still open: it stayed in the inbox,
     * taken again every poll, each try leaving a full copy in claimed/ and an unfinished journal.
     */
    @Test
    void aFileUnreadablePartWayIsSetAsideOnceWithNoCopyLeft() throws Exception {
        Tenants.everyoneOnTier1(tenant, directory, 5);
        StringBuilder csv = new StringBuilder("email,skill,proficiency\n");
        for (int n = 1; n <= 3; n++) {
            csv.append(Tenants.email(n)).append(",Retention,5\n");
        }
        // line 5: longer than max-record-length (the reader looks one record ahead: lines 2 and 3 are in the run)
        csv.append('"').append("x".repeat(4_200_000)).append("\",Retention,5\n");
        Drop.roster("part-way.csv", csv.toString());
        var run = Drop.awaitRun("part-way.csv");
        assertEquals("unreadable", run.path("result").asText(), run.toString());
        assertTrue(run.path("counts").path("rows").asInt() > 0, "rows were read before the bad line: " + run);
        assertEquals(run.path("counts").path("rows").asInt(), run.path("counts").path("failed").asInt(),
                "each row read before it is not written, and says so: " + run);
        Drop.awaitGone("part-way.csv");
        assertTrue(Files.exists(Drop.WORK.resolve("error/part-way.csv")), "set aside in error/");
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> Drop.summaries(Drop.WORK).stream()
                .filter(s -> s.path("file").asText().equals("part-way.csv")).count() == 1);
        assertEquals(List.of(), leftBehind("part-way.csv"), "no copy in claimed/, no unfinished journal");
        assertEquals(0, tenant.writes());
    }

    /**
     * An Error in the middle of a run (the heap ran out): the file is set aside with a record, not rolled
     * back and taken again every poll; if what stopped it escaped the route, the next look sets it aside.
     */
    @Test
    void anErrorMidRunSetsTheFileAsideAndLeavesNoCopy() throws Exception {
        dropWithAnExplodingRow("heap.csv", io.skillsync.run.ExplodingRowValidator.ERROR_TRIGGER);
        Drop.awaitGone("heap.csv");
        assertTrue(Files.exists(Drop.WORK.resolve("error/heap.csv")), "set aside in error/");
        await().atMost(Duration.ofSeconds(10)).until(() -> Drop.summaries(Drop.WORK).stream()
                .anyMatch(s -> s.path("file").asText().equals("heap.csv") && s.path("result").asText().equals("failed")));
        long records = Drop.summaries(Drop.WORK).stream().filter(s -> s.path("file").asText().equals("heap.csv")).count();
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> Drop.summaries(Drop.WORK).stream()
                .filter(s -> s.path("file").asText().equals("heap.csv")).count() == records);
        assertTrue(records <= 2, "at most the escaped try's record and the set-aside: " + records);
        assertEquals(List.of(), leftBehind("heap.csv"), "no copy in claimed/, no unfinished journal");
        assertEquals(0, tenant.writes());
    }

    /**
     * Before: whatever escaped the route's handlers (here: what the handler passes on) made the file consumer
     * roll back and take the file again every poll, each try leaving a copy in claimed/ and an unfinished
     * journal. Now the next look sets the same content aside, once.
     */
    @Test
    void aRunWhoseFailureEscapesTheRouteIsSetAsideAtTheNextLook() throws Exception {
        io.quarkus.test.junit.QuarkusMock.installMockForType(new io.skillsync.run.EscapingPlan(current),
                io.skillsync.run.HeldAssignments.class);
        Tenants.everyoneOnTier1(tenant, directory, 5);
        Drop.roster("escaping.csv", "email,skill,proficiency\n" + Tenants.email(1) + ",Retention,5\n");
        Drop.awaitGone("escaping.csv");
        assertTrue(Files.exists(Drop.WORK.resolve("error/escaping.csv")), "set aside in error/");
        await().atMost(Duration.ofSeconds(10)).until(() -> Drop.summaries(Drop.WORK).stream()
                .anyMatch(s -> s.path("file").asText().equals("escaping.csv") && s.path("result").asText().equals("failed")
                        && s.path("failedBecause").asText().contains("ended without its record")));
        // the escaped try's record (rebuilt from its journal) and the set-aside, and no third
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> Drop.summaries(Drop.WORK).stream()
                .filter(s -> s.path("file").asText().equals("escaping.csv")).count() == 2);
        assertEquals(List.of(), leftBehind("escaping.csv"), "no copy in claimed/, no unfinished journal");
    }

    /**
     * Before (issue 23, N2): an Error met by the route itself (not wrapped by the split) escaped its handler,
     * which caught only Exception: Camel's WARN "Rollback" with no cause, and the file taken again.
     */
    @Test
    void anErrorMetByTheRouteIsRecordedWithItsCauseOnce() throws Exception {
        io.quarkus.test.junit.QuarkusMock.installMockForType(new io.skillsync.run.EscapingPlan(current),
                io.skillsync.run.HeldAssignments.class);
        Tenants.everyoneOnTier1(tenant, directory, 5);
        Drop.roster("out-of-memory.csv", "email,skill,proficiency\n" + Tenants.email(1) + ",Retention,5\n");
        Drop.awaitGone("out-of-memory.csv");
        assertTrue(Files.exists(Drop.WORK.resolve("error/out-of-memory.csv")), "set aside in error/");
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> Drop.summaries(Drop.WORK).stream()
                .filter(s -> s.path("file").asText().equals("out-of-memory.csv")).count() == 1);
        var run = Drop.summaries(Drop.WORK).stream().filter(s -> s.path("file").asText().equals("out-of-memory.csv")).findFirst().orElseThrow();
        assertEquals("failed", run.path("result").asText(), run.toString());
        assertTrue(run.path("failedBecause").asText().contains("OutOfMemoryError: simulated: Java heap space"), run.toString());
        assertEquals(List.of(), leftBehind("out-of-memory.csv"), "no copy in claimed/, no unfinished journal");
    }

    /**
     * Before (issue 23, N12): a file over max-file-size was copied whole into claimed/ (and hashed) before
     * being refused: a 2 GB export made a 2 GB copy. Now it is refused unread, set aside once, with no copy.
     */
    @Test
    void aFileOverTheSizeLimitIsRefusedWithoutACopy() throws Exception {
        Path claimed = Files.createDirectories(Drop.WORK.resolve("claimed"));
        try (java.nio.file.WatchService watch = claimed.getFileSystem().newWatchService()) {
            claimed.register(watch, java.nio.file.StandardWatchEventKinds.ENTRY_CREATE);
            // sparse: its size is over the limit, its blocks are not on the disk
            Path big = Drop.WORK.resolve("staging-oversize.csv");
            try (java.io.RandomAccessFile file = new java.io.RandomAccessFile(big.toFile(), "rw")) {
                file.setLength(config.intake().maxFileSize() + 1);
            }
            Files.move(big, Drop.WORK.resolve("inbox/oversize.csv"));
            var run = Drop.awaitRun("oversize.csv");
            assertEquals("unreadable", run.path("result").asText(), run.toString());
            Drop.awaitGone("oversize.csv");
            assertTrue(Files.exists(Drop.WORK.resolve("error/oversize.csv")), "set aside in error/");
            assertTrue(Files.readString(Drop.WORK.resolve(run.path("outputs").get(1).asText())).contains("over skillsync.intake.max-file-size"));
            java.nio.file.WatchKey key = watch.poll();
            assertEquals(List.of(), key == null ? List.of() : key.pollEvents().stream().map(e -> e.context().toString()).toList(),
                    "nothing was copied into claimed/");
            Files.delete(Drop.WORK.resolve("error/oversize.csv"));
        }
    }

    /**
     * Before (issue 23, N2): a file that takes the process down (the heap ran out; the image exits on it) was
     * recovered as interrupted and taken again at every start: a crash loop. Twice in a row is the content.
     */
    @Test
    void aFileWhoseRunsEndedWithTheProcessTwiceIsSetAside() throws Exception {
        Tenants.everyoneOnTier1(tenant, directory, 5);
        String csv = "email,skill,proficiency\n" + Tenants.email(1) + ",Retention,5\n";
        String sha = io.skillsync.record.ReleaseBook.sha256(new java.io.ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
        java.time.Instant now = java.time.Instant.now();
        String first = io.skillsync.record.KilledRuns.write(Drop.WORK, seal, "crash-loop.csv", sha, now.minusSeconds(120));
        String second = io.skillsync.record.KilledRuns.write(Drop.WORK, seal, "crash-loop.csv", sha, now.minusSeconds(60));
        Drop.roster("crash-loop.csv", csv);
        Drop.awaitGone("crash-loop.csv");
        assertTrue(Files.exists(Drop.WORK.resolve("error/crash-loop.csv")), "set aside in error/");
        var run = Drop.awaitRun("crash-loop.csv", second);
        assertEquals("failed", run.path("result").asText(), run.toString());
        assertTrue(run.path("failedBecause").asText().contains("was taken 2 times (runs " + first + ", " + second + ")"), run.toString());
        assertEquals(0, tenant.writes());

        // moved back by an operator once the cause is fixed, it runs
        Files.move(Drop.WORK.resolve("error/crash-loop.csv"), Drop.WORK.resolve("inbox/crash-loop.csv"));
        var again = Drop.awaitRun("crash-loop.csv", run.path("runId").asText());
        assertEquals("complete", again.path("result").asText(), again.toString());
    }

    /**
     * Before (issue 23, N5): a journal with no run record and a name that is no run id (a hand-made one)
     * made every recovery throw, so no file was ever taken again. Now it is quarantined with its reason.
     */
    @Test
    void aJournalSkillSyncDidNotWriteIsQuarantinedAndFilesRunOn() throws Exception {
        Tenants.everyoneOnTier1(tenant, directory, 5);
        Path journals = Files.createDirectories(Drop.WORK.resolve("journal"));
        Files.writeString(journals.resolve("garbage.jsonl"),
                "{\"record\":\"batch\",\"batch\":1,\"rows\":[{\"line\":2,\"agentId\":1,\"skillId\":2}]}\n");
        Drop.roster("after-garbage.csv", "email,skill,proficiency\n" + Tenants.email(1) + ",Retention,5\n");
        var run = Drop.awaitRun("after-garbage.csv");
        assertEquals(1, run.path("counts").path("applied").asInt(), run.toString());
        assertFalse(Files.exists(journals.resolve("garbage.jsonl")), "not left to fail every recovery");
        assertTrue(Files.exists(journals.resolve("quarantined/garbage.jsonl")), "set aside, unread");
        assertTrue(Files.readString(journals.resolve("quarantined/garbage.jsonl.reason.txt")).contains("not a journal this service wrote"));
    }

    /** A good row, then one the validator (installed for this test) meets as a bug would: {@code trigger}. */
    void dropWithAnExplodingRow(String name, String trigger) {
        io.quarkus.test.junit.QuarkusMock.installMockForType(new io.skillsync.run.ExplodingRowValidator(config),
                io.skillsync.run.RowValidator.class);
        Tenants.everyoneOnTier1(tenant, directory, 5);
        Drop.roster(name, "email,skill,proficiency\n" + Tenants.email(1) + ",Retention,5\n" + trigger + ",Retention,5\n");
    }

    /** Copies of {@code name} in claimed/ and unfinished journals of it, left after its run ended. */
    static List<String> leftBehind(String name) throws IOException {
        List<String> left = new java.util.ArrayList<>();
        for (String dir : new String[] { "claimed", "journal" }) {
            if (Files.isDirectory(Drop.WORK.resolve(dir))) {
                try (var files = Files.walk(Drop.WORK.resolve(dir))) {
                    for (Path f : files.filter(Files::isRegularFile).toList()) {
                        if (f.getFileName().toString().equals(name) || f.toString().endsWith(".jsonl")
                                && Files.readString(f).contains("\"file\":\"" + name + "\"")) {
                            left.add(Drop.WORK.relativize(f).toString());
                        }
                    }
                }
            }
        }
        return left;
    }

    /** Before: a 140 MB quoted field ran the heap out (and the image's ExitOnOutOfMemoryError crash-looped). */
    @Test
    void aRunawayQuotedFieldIsRefusedWithoutReadingItWhole() throws Exception {
        StringBuilder csv = new StringBuilder("email,skill,proficiency\n\"");
        csv.append("x".repeat(4_200_000)).append("\",Retention,5\n");
        Drop.roster("runaway.csv", csv.toString());
        var run = Drop.awaitRun("runaway.csv");
        assertEquals("unreadable", run.path("result").asText(), run.toString());
        assertTrue(run.path("reason").asText().contains("longer than 4194304 characters"), run.path("reason").asText());
    }

    /**
     * Before: replacing the file mid-run (write elsewhere, then move in) gave an audit pairing the new file's
     * e-mails with the old run's ids, the new file's sha256, and the new rows never applied.
     */
    @Test
    void aFileReplacedMidRunChangesNothingOfThatRunAndRunsNext() throws Exception {
        Tenants.everyoneOnTier1(tenant, directory, 20);
        StringBuilder first = new StringBuilder("email,skill,proficiency\n");
        StringBuilder second = new StringBuilder("email,skill,proficiency\n");
        for (int n = 1; n <= 10; n++) {
            first.append(Tenants.email(n)).append(",Retention,5\n");
            second.append(Tenants.email(n + 10)).append(",Retention,7\n");
        }
        tenant.faults().stallMillis = 300;
        Drop.roster("replaced.csv", first.toString());
        await().atMost(Duration.ofSeconds(20)).until(() -> tenant.requests().stream().anyMatch(r -> r.path().startsWith("/agents")));
        Drop.roster("replaced.csv", second.toString());
        tenant.faults().stallMillis = 0;

        var run = Drop.awaitRun("replaced.csv");
        assertEquals(sha256(first.toString()), run.path("sha256").asText(), "the record is of what the run read");
        assertEquals(Tenants.email(1), Drop.audit(run).get(0).get("email"));
        assertEquals(10, run.path("counts").path("applied").asInt(), run.toString());
        var next = Drop.awaitRun("replaced.csv", run.path("runId").asText());
        assertEquals(sha256(second.toString()), next.path("sha256").asText(), "the new content ran next");
        assertEquals(10, next.path("counts").path("applied").asInt(), next.toString());
        assertEquals(7, tenant.assignment(Tenants.agentId(11), Tenants.RETENTION).proficiency());
        assertEquals(first.toString(), Files.readString(Drop.WORK.resolve(run.path("outputs").get(0).asText())),
                "processed/ holds what the first run read");
        Drop.awaitGone("replaced.csv");
    }

    static String sha256(String content) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(content.getBytes(StandardCharsets.UTF_8)));
    }
}
