package io.skillsync.roster;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Streams a roster file's data rows (RFC 4180, UTF-8 with or without BOM, LF or CRLF), one
 * {@link RosterRecord} at a time, each with the line it starts on. The file is read twice per run: once
 * to validate and plan, once to write the audit and error files, so no row's raw cells stay in memory.
 * {@link RosterFile} opens the file; {@link RosterDiagnosis} words what cannot be read.
 */
@ApplicationScoped
@Named("rosterReader")
public class RosterReader {

    private final Limits limits;

    RosterReader(io.skillsync.config.SkillSyncConfig config) {
        var intake = config.intake();
        this.limits = new Limits(intake.maxFileSize(), intake.maxRecordLength(), intake.maxRows());
    }

    /** Bounds on what a roster may hold, so that no file can exhaust the heap (settings under skillsync.intake). */
    record Limits(long fileSize, int recordLength, int rows) {
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
        private final CSVParser parser;
        private final Iterator<CSVRecord> records;
        private RosterColumns columns;
        private RosterRecord next;
        private boolean fetched;
        private int index;
        /** A matrix line's cells not yet handed out, each a row of its own. */
        private final Deque<RosterRecord> cellsOfLine = new ArrayDeque<>();

        private final Limits limits;

        Rows(Path file, Limits limits) {
            this.limits = limits;
            this.parser = RosterFile.open(file, limits);
            this.records = parser.iterator();
            RosterRecord header = fetch(null);
            if (header == null) {
                close();
                throw new UnreadableRosterException("the file has no header line (it is empty or blank)");
            }
            try {
                this.columns = RosterColumns.of(header.cells());
            } catch (UnreadableRosterException e) {
                close();
                throw new UnreadableRosterException("line " + header.line() + ": " + e.getMessage()
                        + RosterDiagnosis.separatorHint(header), e);
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
            if (!columns.matrix()) {
                return fetch(columns);
            }
            while (cellsOfLine.isEmpty()) {
                RosterRecord line = fetch(columns);
                if (line == null) {
                    return null;
                }
                for (int column : columns.skillColumns().keySet()) {
                    String cell = line.cell(column);
                    if (cell != null && !cell.isBlank()) {
                        countRow(line.line());
                        cellsOfLine.add(new RosterRecord(index++, line.line(), line.cells(), columns, column));
                    }
                }
            }
            return cellsOfLine.poll();
        }

        /** A row more: within skillsync.intake.max-rows, or the file is refused (split it). */
        private void countRow(int line) {
            if (index >= limits.rows()) {
                close();
                throw new UnreadableRosterException("line " + line + ": more than " + limits.rows()
                        + " rows (skillsync.intake.max-rows): split the file");
            }
        }

        /** The next non-blank record, numbered by the line it starts on. */
        private RosterRecord fetch(RosterColumns cols) {
            while (true) {
                // read before the parser moves: the next record starts on the line after the last one consumed
                long consumed = parser.getCurrentLineNumber();
                try {
                    if (!records.hasNext()) {
                        return null;
                    }
                    CSVRecord record = records.next();
                    if (record.stream().allMatch(String::isBlank)) {
                        continue;
                    }
                    int line = (int) consumed + 1;
                    if (cols != null && !cols.matrix()) {
                        countRow(line);
                    }
                    if (record.stream().anyMatch(cell -> cell.indexOf('\uFFFD') >= 0)) {
                        close();
                        throw new UnreadableRosterException("line " + line + ": the file is not UTF-8 text (Latin-1 or"
                                + " Windows-1252?); export it as 'CSV UTF-8'");
                    }
                    List<String> cells = record.stream().map(SpreadsheetCells::restore).toList();
                    return new RosterRecord(cols == null || cols.matrix() ? -1 : index++, line, cells, cols);
                } catch (UncheckedIOException e) {
                    throw unreadable(consumed + 1, e.getCause());
                } catch (IllegalStateException e) {
                    throw unreadable(consumed + 1, e);
                }
            }
        }

        private UnreadableRosterException unreadable(long line, Throwable cause) {
            close();
            return RosterDiagnosis.unreadable(line, cause);
        }

        @Override
        public void close() {
            try {
                parser.close();
            } catch (IOException | RuntimeException ignored) {
                // closing a read-only file: nothing is lost
            }
        }
    }
}
