package io.skillsync.roster;

import java.io.Closeable;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * An .xlsx roster read like a CSV of one sheet: row by row, each a list of cell texts, pulled from the sheet's
 * XML as they are asked for, so that memory does not grow with the rows (only the shared strings and the date
 * styles are held, both bounded). Rows whose cells are all blank are skipped; line numbers are the sheet's.
 * <p>
 * Whatever cannot or must not be read is an {@link UnreadableRosterException} whose message says why, plainly:
 * a file over the size limit, an old .xls or an encrypted workbook, text named .xlsx, macros, links to other
 * workbooks, a zip bomb, a row of more columns or a cell of more characters than the limits. Everything opened
 * is closed when it fails, and by {@link #close()}.
 */
public final class WorkbookRows implements Iterator<WorkbookRows.SheetRow>, Closeable {

    /**
     * A row with at least one cell that is not blank: line is the sheet's row number (from 1), cells its texts
     * by column (A is 0), blank ones "" up to the last that is not.
     */
    public record SheetRow(int line, List<String> cells) {
        public SheetRow {
            cells = List.copyOf(cells);
        }
    }

    private final WorkbookParts parts;
    private final SheetXml sheet;
    private SheetRow pending;
    private boolean closed;

    private WorkbookRows(WorkbookParts parts, SheetXml sheet) {
        this.parts = parts;
        this.sheet = sheet;
    }

    /**
     * Opens the sheet named sheetName (case aside), or the first sheet when it is null or blank. The limits are
     * the intake's: maxFileSize bytes of file, maxCellLength characters in a cell (and in a row, as in a CSV
     * record), maxColumns columns in a row.
     */
    public static WorkbookRows open(Path file, String sheetName, long maxFileSize, int maxCellLength, int maxColumns) {
        WorkbookParts parts = WorkbookParts.open(file, sheetName, maxFileSize, maxCellLength);
        try {
            return new WorkbookRows(parts, new SheetXml(parts, maxCellLength, maxColumns));
        } catch (RuntimeException e) {
            parts.close();
            throw e;
        }
    }

    /** The name of the sheet being read, as the workbook spells it. */
    public String sheetName() {
        return parts.sheetName();
    }

    @Override
    public boolean hasNext() {
        if (pending == null && !closed) {
            try {
                pending = sheet.next();
            } catch (RuntimeException e) {
                close();
                throw e;
            }
            if (pending == null) {
                // the sheet has ended: its file need not stay open until the caller closes
                close();
            }
        }
        return pending != null;
    }

    @Override
    public SheetRow next() {
        if (!hasNext()) {
            throw new NoSuchElementException("the sheet has no more rows");
        }
        SheetRow row = pending;
        pending = null;
        return row;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            sheet.close();
            parts.close();
        }
    }
}
