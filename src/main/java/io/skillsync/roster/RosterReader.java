package io.skillsync.roster;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;


/**
 * Streams a roster file's data rows, one {@link RosterRecord} at a time, each with the line it starts on: a CSV
 * ({@link CsvLines}: RFC 4180, UTF-8 with or without BOM, LF or CRLF) or an .xlsx sheet ({@link WorkbookRows},
 * streamed, its row numbers as lines); a matrix's cells each a row of their own. The file is read twice per run: once
 * to validate and plan, once to write the audit and error files, so no row's raw cells stay in memory.
 * {@link RosterFile} opens the file; {@link RosterDiagnosis} words what cannot be read.
 */
@ApplicationScoped
@Named("rosterReader")
public class RosterReader {

    private final Limits limits;

    RosterReader(io.skillsync.config.SkillSyncConfig config) {
        var intake = config.intake();
        this.limits = new Limits(intake.maxFileSize(), intake.maxRecordLength(), intake.maxRows(),
                config.roster().sheet().orElse(null));
    }

    /**
     * Bounds on what a roster may hold, so that no file can exhaust the heap (settings under skillsync.intake),
     * and the sheet of a workbook to read (skillsync.roster.sheet; null: the first).
     */
    record Limits(long fileSize, int recordLength, int rows, String sheet) {
    }

    /** How a roster's name may end (any case): a CSV, or a workbook; an .xlsm or .xls is taken only to be refused. */
    public static final String EXTENSIONS = "(csv|xlsx|xlsm|xls)";
    public static final String WORKBOOKS = "(xlsx|xlsm|xls)";

    /** Excel's own limit: a sheet of more columns was not made by Excel, and no roster needs them. */
    static final int MOST_COLUMNS = 16_384;

    /**
     * A workbook, by its name: an .xlsx is read; an .xlsm or .xls is opened only to be refused with what to do
     * (WorkbookRows tells a macro or old-format workbook by its content). Anything else is read as CSV.
     */
    static boolean workbook(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).matches(".*\\." + WORKBOOKS);
    }

    /** Opens the file; the header is read at once, so a file without a usable header fails here. */
    public Rows rows(Path file) {
        return new Rows(file, limits);
    }

    /** Opens the file; a matrix reads its cells of {@code skillColumns} (index -> skill) as rows. */
    public Rows rows(Path file, Map<Integer, String> skillColumns) {
        Rows rows = new Rows(file, limits);
        if (rows.columns().matrix()) {
            rows.skillColumns(skillColumns);
        }
        return rows;
    }

    /** The data rows of one file; close it when done (Camel's splitter does). */
    public static final class Rows implements Iterator<RosterRecord>, Closeable {
        /** The file's non-blank lines: a CSV's, or an .xlsx sheet's rows. */
        private final Iterator<WorkbookRows.SheetRow> lines;
        private final Closeable source;
        private RosterColumns columns;
        private RosterRecord next;
        private boolean fetched;
        private int index;
        /** A matrix line's cells not yet handed out, each a row of its own. */
        private final Deque<RosterRecord> cellsOfLine = new ArrayDeque<>();

        private final Limits limits;

        Rows(Path file, Limits limits) {
            this.limits = limits;
            if (workbook(file)) {
                WorkbookRows sheet = WorkbookRows.open(file, limits.sheet(), limits.fileSize(), limits.recordLength(),
                        MOST_COLUMNS);
                this.lines = sheet;
                this.source = sheet;
            } else {
                CsvLines csv = new CsvLines(file, limits);
                this.lines = csv;
                this.source = csv;
            }
            WorkbookRows.SheetRow header = line();
            if (header == null) {
                close();
                throw new UnreadableRosterException("the file has no header line (it is empty or blank)");
            }
            try {
                this.columns = RosterColumns.of(header.cells());
            } catch (UnreadableRosterException e) {
                close();
                throw new UnreadableRosterException("line " + header.line() + ": " + e.getMessage()
                        + RosterDiagnosis.separatorHint(new RosterRecord(-1, header.line(), header.cells(), null)), e);
            }
        }

        public RosterColumns columns() {
            return columns;
        }

        /** A matrix's skill columns, as the run found them: set before the first row is read. */
        public void skillColumns(Map<Integer, String> skills) {
            if (fetched) {
                throw new IllegalStateException("the skill columns are set before the rows are read");
            }
            columns = columns.withSkillColumns(skills);
        }

        @Override
        public boolean hasNext() {
            if (!fetched) {
                next = nextRow();
                fetched = true;
            }
            return next != null;
        }

        @Override
        public RosterRecord next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            RosterRecord current = next;
            next = nextRow();
            return current;
        }

        /** The next row: a long file's next line, or a matrix's next non-blank skill cell. */
        private RosterRecord nextRow() {
            while (cellsOfLine.isEmpty()) {
                WorkbookRows.SheetRow line = line();
                if (line == null) {
                    return null;
                }
                if (!columns.matrix()) {
                    countRow(line.line());
                    return new RosterRecord(index++, line.line(), line.cells(), columns);
                }
                for (int column : columns.skillColumns().keySet()) {
                    String cell = column < line.cells().size() ? line.cells().get(column) : null;
                    if (cell != null && !cell.isBlank()) {
                        countRow(line.line());
                        cellsOfLine.add(new RosterRecord(index++, line.line(), line.cells(), columns, column));
                    }
                }
            }
            return cellsOfLine.poll();
        }

        private WorkbookRows.SheetRow line() {
            return lines.hasNext() ? lines.next() : null;
        }

        /** A row more: within skillsync.intake.max-rows, or the file is refused (split it). */
        private void countRow(int line) {
            if (index >= limits.rows()) {
                close();
                throw new UnreadableRosterException("line " + line + ": more than " + limits.rows()
                        + " rows (skillsync.intake.max-rows): split the file");
            }
        }

        @Override
        public void close() {
            try {
                source.close();
            } catch (IOException | RuntimeException ignored) {
                // closing a read-only file: nothing is lost
            }
        }
    }
}
