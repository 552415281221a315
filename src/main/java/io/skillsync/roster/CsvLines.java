package io.skillsync.roster;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV roster's non-blank lines, each numbered by the line it starts on (a quoted cell may span lines), its
 * cells as HR wrote them (a cell SkillSync neutralised in an error file restored). The CSV side of what
 * {@link RosterReader} reads; {@link WorkbookRows} is the spreadsheet's.
 */
final class CsvLines implements Iterator<WorkbookRows.SheetRow>, Closeable {

    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private WorkbookRows.SheetRow next;
    private boolean fetched;

    CsvLines(Path file, RosterReader.Limits limits) {
        this.parser = RosterFile.open(file, limits);
        this.records = parser.iterator();
    }

    @Override
    public boolean hasNext() {
        if (!fetched) {
            next = fetch();
            fetched = true;
        }
        return next != null;
    }

    @Override
    public WorkbookRows.SheetRow next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        fetched = false;
        return next;
    }

    private WorkbookRows.SheetRow fetch() {
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
                if (record.stream().anyMatch(cell -> cell.indexOf('\uFFFD') >= 0)) {
                    close();
                    throw new UnreadableRosterException("line " + line + ": the file is not UTF-8 text (Latin-1 or"
                            + " Windows-1252?); export it as 'CSV UTF-8'");
                }
                List<String> cells = record.stream().map(SpreadsheetCells::restore).toList();
                return new WorkbookRows.SheetRow(line, cells);
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
