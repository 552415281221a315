package io.skillsync.record;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import io.skillsync.roster.RosterRecord;


/**
 * A run's {@code error/<name>.<runId>.errors.csv}: only the rejected and failed rows, in the input's own
 * columns plus {@code error}, written beside the audit in the same pass and renamed into place when whole.
 */
final class ErrorFile {

    private final Path target;
    private final Path part;
    private int columnCount;
    private int errorColumn;
    private Writer writer;
    private CSVPrinter out;
    /** The line being gathered, its cells to fix and their reasons. */
    private RosterRecord line;
    private final Set<Integer> toFix = new HashSet<>();
    private final List<String> errors = new ArrayList<>();

    ErrorFile(Path target) {
        this.target = target;
        this.part = AtomicFiles.part(target);
    }

    /** Under a temporary name until whole, so a reader never sees half an error file. */
    void open(List<String> header, int columnCount, int errorColumn) throws IOException {
        this.columnCount = columnCount;
        this.errorColumn = errorColumn;
        Files.createDirectories(part.getParent());
        writer = Files.newBufferedWriter(part, StandardCharsets.UTF_8);
        out = new CSVPrinter(writer, CSVFormat.RFC4180);
        out.printRecord(RunAudit.safe(cells(header, columnCount, errorColumn, "error")));
    }

    /**
     * A row to fix. A matrix line whose cells are rows of their own is written once, with only its cells to fix
     * (the others blank, so its rerun does not send again what went through) and their reasons together.
     */
    void add(RosterRecord row, String error) throws IOException {
        if (line != null && line.line() != row.line()) {
            flush();
        }
        if (line == null) {
            line = row;
        }
        if (row.column() >= 0) {
            toFix.add(row.column());
        }
        errors.add(error);
    }

    private void flush() throws IOException {
        List<String> cells = new ArrayList<>(line.cells());
        if (line.column() >= 0) {
            for (int column : line.columns().skillColumns().keySet()) {
                if (!toFix.contains(column) && column < cells.size()) {
                    cells.set(column, "");
                }
            }
        }
        out.printRecord(RunAudit.safe(cells(cells, columnCount, errorColumn, String.join(" | ", errors))));
        line = null;
        toFix.clear();
        errors.clear();
    }

    void close() throws IOException {
        if (line != null && out != null) {
            flush();
        }
        if (out != null) {
            out.close(true);
        }
        if (writer != null) {
            writer.close();
        }
    }

    /** Renamed into place once whole, before the audit is. */
    void commit() throws IOException {
        Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The input's own cells (without an error column an earlier run added), then this run's reason. */
    private static List<String> cells(List<String> cells, int columnCount, int errorColumn, String error) {
        List<String> line = new ArrayList<>(columnCount + 1);
        for (int i = 0; i < Math.max(columnCount, cells.size()); i++) {
            if (i != errorColumn) {
                line.add(i < cells.size() ? cells.get(i) : "");
            }
        }
        line.add(error);
        return line;
    }
}
