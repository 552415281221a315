package io.skillsync.record;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.jboss.logging.Logger;

import io.skillsync.config.PerUnit;
import io.skillsync.config.SkillSyncConfig;
import io.skillsync.sync.AssignmentKey;
import io.skillsync.sync.ManagedAssignment;
import io.skillsync.sync.Row;

/**
 * What SkillSync last set on each (agent, skill), from its own runs: {@code <work-dir>/.managed/assignments.<tenant>.csv}
 * ({@link RunRecords#managedFile}), one line per assignment, rewritten whole (atomically) when a run ends having
 * applied rows. Read on first use and kept in memory, one entry per assignment whatever the number of runs; read
 * again when the file changed under it (the other replica of a shared work dir took over and wrote it). One file per
 * tenant: a work dir pointed at a sandbox, then at production, must not take the sandbox's values for drift.
 */
@ApplicationScoped
public class ManagedAssignments {

    private static final Logger LOG = Logger.getLogger(ManagedAssignments.class);
    static final String[] COLUMNS = { "agentId", "skillId", "proficiency", "active", "runId", "at" };

    /** Each unit's: its folder under its work dir, and what is in memory of it. */
    private final PerUnit<Held> state;

    @Inject
    ManagedAssignments(SkillSyncConfig config) {
        this.state = new PerUnit<>(unit -> new Held(Path.of(config.workDir()).resolve(RunRecords.MANAGED)));
    }

    public ManagedAssignments(Path workDir) {
        this.state = new PerUnit<>(unit -> new Held(workDir.resolve(RunRecords.MANAGED)));
    }

    private static final class Held {
        final Path dir;
        /** The tenant whose assignments are in memory ({@link #tenantOf}), and its file; null before the first read. */
        String tenant;
        Path file;
        final Map<AssignmentKey, ManagedAssignment> set = new ConcurrentHashMap<>();
        /** The file as last read or written (its time and size), or null before the first read. */
        String stamp;

        Held(Path dir) {
            this.dir = dir;
        }
    }

    /**
     * What SkillSync last set on {@code tenantKey}'s assignments (CXone's API URL and tenantId), a live view, read
     * from disk first when needed.
     */
    public Map<AssignmentKey, ManagedAssignment> current(String tenantKey) {
        Held held = state.get();
        synchronized (held) {
            String asked = tenantOf(tenantKey);
            if (!asked.equals(held.tenant)) {
                held.tenant = asked;
                held.file = held.dir.resolve(RunRecords.managedFile(asked));
                held.stamp = null;
            }
            String onDisk = stampOf(held);
            if (held.stamp == null || !held.stamp.equals(onDisk)) {
                load(held);
                held.stamp = onDisk;
            }
            return Collections.unmodifiableMap(held.set);
        }
    }

    /** A run set these assignments: kept, and the file rewritten whole before the run's record counts as written. */
    public void record(String tenantKey, Iterator<ManagedAssignment> applied) throws IOException {
        Held held = state.get();
        synchronized (held) {
            current(tenantKey);
            int before = held.set.size();
            boolean any = false;
            while (applied.hasNext()) {
                ManagedAssignment assignment = applied.next();
                held.set.put(assignment.key(), assignment);
                any = true;
            }
            if (!any) {
                return;
            }
            AtomicFiles.writeAtomically(held.file, out -> {
                CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180);
                csv.printRecord((Object[]) COLUMNS);
                for (ManagedAssignment a : held.set.values()) {
                    csv.printRecord(a.agentId(), a.skillId(), a.proficiency() == Row.NONE ? "" : a.proficiency(), a.active(),
                            a.runId(), a.at());
                }
                csv.flush();
            });
            held.stamp = stampOf(held);
            LOG.debugf("%d assignment(s) SkillSync manages (%d new)", held.set.size(), held.set.size() - before);
        }
    }

    private static void load(Held held) {
        held.set.clear();
        // one copy of each run's id and time, however many assignments it set
        Map<String, String> runs = new HashMap<>();
        Map<String, Instant> times = new HashMap<>();
        int unreadable = 0;
        try (Reader in = Files.newBufferedReader(held.file, StandardCharsets.UTF_8)) {
            for (CSVRecord line : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                try {
                    String level = line.get("proficiency");
                    ManagedAssignment a = new ManagedAssignment(Long.parseLong(line.get("agentId")),
                            Long.parseLong(line.get("skillId")), level.isBlank() ? Row.NONE : Integer.parseInt(level),
                            Boolean.parseBoolean(line.get("active")), runs.computeIfAbsent(line.get("runId"), id -> id),
                            times.computeIfAbsent(line.get("at"), Instant::parse));
                    held.set.put(a.key(), a);
                } catch (RuntimeException e) {
                    // a line edited by hand costs that assignment's drift, never a run
                    unreadable++;
                }
            }
        } catch (NoSuchFileException e) {
            // no run applied anything yet: nothing is managed
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + held.file, e);
        }
        if (unreadable > 0) {
            LOG.warnf("%d line(s) of %s cannot be read: drift is not weighed for those assignments until a run sets"
                    + " them again", unreadable, held.file);
        }
    }

    /** A short digest of the tenant's key: a file name, saying nothing of the URL. */
    static String tenantOf(String tenantKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(tenantKey.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The file's modification time and size, or "" when there is none. */
    private static String stampOf(Held held) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(held.file, BasicFileAttributes.class);
            return attributes.lastModifiedTime() + "/" + attributes.size();
        } catch (IOException e) {
            return "";
        }
    }
}
