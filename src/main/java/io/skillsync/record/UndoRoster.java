package io.skillsync.record;

import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The roster that puts back what a run changed ({@code agentId,skillId,proficiency,active}): previous
 * values; an assignment the run created is switched off (a roster cannot ask for a deletion, though NICE
 * publishes DELETE /skills/{id}/agents: the whole-truth issue may use it). It goes through the
 * guard and preview like any roster.
 */
public final class UndoRoster {

    /** The header of an undo roster, its first line. */
    private static final String HEADER = "agentId,skillId,proficiency,active";

    private UndoRoster() {
    }

    /** Whether a file is an undo roster, by its first line (a roster of HR's keeps its own columns); false if unreadable. */
    static boolean isOne(Path file) {
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            String head = new String(in.readNBytes(HEADER.length() + 1), StandardCharsets.UTF_8);
            return head.equals(HEADER + "\r") || head.equals(HEADER + "\n") || head.equals(HEADER);
        } catch (IOException e) {
            return false;
        }
    }

    /** One line of an undo roster: what CXone held before, or "switch it off" for an assignment the run made. */
    public record UndoLine(long agentId, long skillId, int previousProficiency, int previousActive) {
    }

    public static void write(Path undo, Iterable<UndoLine> lines) throws IOException {
        try (Writer out = Files.newBufferedWriter(AtomicFiles.part(undo), StandardCharsets.UTF_8);
                CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180)) {
            csv.printRecord((Object[]) HEADER.split(","));
            for (UndoLine line : lines) {
                if (line.previousActive() < 0) {
                    csv.printRecord(line.agentId(), line.skillId(), "", false);
                } else {
                    csv.printRecord(line.agentId(), line.skillId(),
                            line.previousProficiency() < 0 ? "" : line.previousProficiency(), line.previousActive() == 1);
                }
            }
        }
        Files.move(AtomicFiles.part(undo), undo, StandardCopyOption.ATOMIC_MOVE);
    }
}
