package io.skillsync.record;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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

    private UndoRoster() {
    }

    /** One line of an undo roster: what CXone held before, or "switch it off" for an assignment the run made. */
    public record UndoLine(long agentId, long skillId, int previousProficiency, int previousActive) {
    }

    public static void write(Path undo, Iterable<UndoLine> lines) throws IOException {
        try (Writer out = Files.newBufferedWriter(AtomicFiles.part(undo), StandardCharsets.UTF_8);
                CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180)) {
            csv.printRecord("agentId", "skillId", "proficiency", "active");
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
