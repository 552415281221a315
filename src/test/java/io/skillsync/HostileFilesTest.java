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

import io.skillsync.cxone.TenantDirectory;
import io.skillsync.simulator.TenantSimulator;

/**
 * Files an attacker or a careless tool puts in the inbox (issue: the guard, the file and the journal made
 * tamper-proof): none is read, followed or moved outside the work dir; each is quarantined to error/
 * once, unread, with a reason.
 */
@QuarkusTest
class HostileFilesTest {

    static final Path INBOX = Drop.WORK.resolve("inbox");

    @Inject
    TenantSimulator tenant;
    @Inject
    TenantDirectory directory;

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
        Files.writeString(victim, FaultsTest.everyoneGetsRetention(10));
        Files.createDirectories(INBOX.resolve("x"));
        Path hostile = INBOX.resolve("x\\..\\..\\..\\elsewhere\\victim.csv");
        Files.writeString(hostile, FaultsTest.everyoneGetsRetention(10));

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
            List<String> left = inbox.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".csv")).toList();
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
}
