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
 * Some of a run's input rows in the input's own columns, written beside the audit in the same pass and renamed
 * into place when whole: the error file ({@code error/<name>.<runId>.errors.csv}, the rejected and failed rows
 * plus {@code error}) and the files of rows effective later (under scheduled/, without reasons).
 */
final class RowsFile {

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

    /** Whether each line ends with its reason (an error file) or not (a scheduled file, which runs as it is). */
    private final boolean withReasons;

    RowsFile(Path target, boolean withReasons) {
        this.target = target;
        this.part = AtomicFiles.part(target);
        this.withReasons = withReasons;
    }

    /** Under a temporary name until whole, so a reader (or the intake) never sees half a file. */
    void open(List<String> header, int columnCount, int errorColumn) throws IOException {
        this.columnCount = columnCount;
        this.errorColumn = errorColumn;
        Files.createDirectories(part.getParent());
        writer = Files.newBufferedWriter(part, StandardCharsets.UTF_8);
        out = new CSVPrinter(writer, CSVFormat.RFC4180);
        out.printRecord(RunAudit.safe(cells(header, columnCount, errorColumn, withReasons ? "error" : null)));
    }

    /**
     * A row (to fix, or to run later). A matrix line whose cells are rows of their own is written once, with only those cells
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
        if (error != null) {
            errors.add(error);
        }
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
        out.printRecord(RunAudit.safe(cells(cells, columnCount, errorColumn, withReasons ? String.join(" | ", errors) : null)));
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

    /** The input's own cells (without an error column an earlier run added), then this run's reason if any. */
    private static List<String> cells(List<String> cells, int columnCount, int errorColumn, String error) {
        List<String> line = new ArrayList<>(columnCount + 1);
        for (int i = 0; i < Math.max(columnCount, cells.size()); i++) {
            if (i != errorColumn) {
                line.add(i < cells.size() ? cells.get(i) : "");
            }
        }
        if (error != null) {
            line.add(error);
        }
        return line;
    }
}
