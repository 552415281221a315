package io.skillsync.roster;

import static javax.xml.stream.XMLStreamConstants.END_ELEMENT;
import static javax.xml.stream.XMLStreamConstants.START_ELEMENT;

import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.apache.poi.ss.util.CellReference;

/**
 * A sheet's XML read one {@code <row>} at a time, so that memory does not grow with the rows: the cells of the
 * row at hand and one cell's text, bounded by the limits, are all it holds. A cell's column is its reference
 * ("C7" is column C), or the one after the previous cell's when it has none; a row's number likewise.
 */
final class SheetXml {

    private final XMLStreamReader xml;
    private final WorkbookParts parts;
    private final String sheet;
    private final int maxCellLength;
    private final int maxColumns;
    /** The cell's text as the XML holds it: kept up to the limit, counted beyond it. */
    private final StringBuilder value = new StringBuilder();
    private long valueLength;
    private int lastRow;

    SheetXml(WorkbookParts parts, int maxCellLength, int maxColumns) {
        this.parts = parts;
        this.sheet = "sheet '" + parts.sheetName() + "'";
        this.maxCellLength = maxCellLength;
        this.maxColumns = maxColumns;
        try {
            this.xml = StaxInput.open(parts.sheet());
        } catch (XMLStreamException | RuntimeException e) {
            throw WorkbookRefusals.unreadable(sheet, parts.sheetPart(), e);
        }
    }

    /** The next row with a cell that is not blank, or null at the sheet's end. */
    WorkbookRows.SheetRow next() {
        try {
            while (xml.hasNext()) {
                if (xml.next() == START_ELEMENT && "row".equals(xml.getLocalName())) {
                    WorkbookRows.SheetRow row = row();
                    if (row != null) {
                        return row;
                    }
                }
            }
            return null;
        } catch (XMLStreamException | RuntimeException e) {
            throw WorkbookRefusals.unreadable(sheet + (lastRow == 0 ? "" : " after row " + lastRow),
                    parts.sheetPart(), e);
        }
    }

    private WorkbookRows.SheetRow row() throws XMLStreamException {
        int line = rowNumber(xml.getAttributeValue(null, "r"));
        List<String> cells = new ArrayList<>();
        int column = -1;
        long rowLength = 0;
        while (true) {
            int event = xml.next();
            if (event == START_ELEMENT && "c".equals(xml.getLocalName())) {
                column = column(xml.getAttributeValue(null, "r"), column, line);
                String text = cell(column, line);
                if (text.isEmpty()) {
                    continue;
                }
                if (column >= maxColumns) {
                    throw new UnreadableRosterException(sheet + " row " + line + ": more than " + maxColumns
                            + " columns (a cell in column " + CellReference.convertNumToColString(column) + "), far more"
                            + " than a roster has: delete the stray cells to the right of the roster's columns");
                }
                rowLength += text.length();
                if (rowLength > maxCellLength) {
                    throw new UnreadableRosterException(sheet + " row " + line + ": a row of more than " + maxCellLength
                            + " characters, over skillsync.intake.max-record-length (" + maxCellLength + ")");
                }
                while (cells.size() < column) {
                    cells.add("");
                }
                if (column < cells.size()) {
                    cells.set(column, text);
                } else {
                    cells.add(text);
                }
            } else if (event == END_ELEMENT && "row".equals(xml.getLocalName())) {
                break;
            }
        }
        lastRow = line;
        // white space alone is blank, as on a CSV line: such cells at the end go, and a row of only them is skipped
        int end = cells.size();
        while (end > 0 && cells.get(end - 1).isBlank()) {
            end--;
        }
        return end == 0 ? null : new WorkbookRows.SheetRow(line, cells.subList(0, end));
    }

    /** The text of the cell the reader is on, read to its end; type and style come from its attributes. */
    private String cell(int column, int line) throws XMLStreamException {
        String type = xml.getAttributeValue(null, "t");
        int style = SheetCells.style(xml.getAttributeValue(null, "s"));
        value.setLength(0);
        valueLength = 0;
        boolean inValue = false;
        boolean inPhonetic = false;
        while (true) {
            int event = xml.next();
            if (event == START_ELEMENT) {
                switch (xml.getLocalName()) {
                    // v: the value, or a formula's cached result (f, the formula, is not read); t: inline text
                    case "v", "t" -> inValue = true;
                    case "rPh" -> inPhonetic = true;
                    default -> { }
                }
            } else if (event == END_ELEMENT) {
                switch (xml.getLocalName()) {
                    case "c" -> {
                        return text(type, style, column, line);
                    }
                    case "v", "t" -> inValue = false;
                    case "rPh" -> inPhonetic = false;
                    default -> { }
                }
            } else if (inValue && !inPhonetic && StaxInput.isText(event)) {
                int n = xml.getTextLength();
                valueLength += n;
                if (valueLength <= maxCellLength) {
                    value.append(xml.getTextCharacters(), xml.getTextStart(), n);
                }
            }
        }
    }

    private String text(String type, int style, int column, int line) {
        SheetCells cells = parts.cells();
        try {
            if (valueLength > maxCellLength) {
                throw cells.tooLong(valueLength);
            }
            String text = cells.text(type, style, value.toString());
            if (text.length() > maxCellLength) {
                throw cells.tooLong(text.length());
            }
            return text;
        } catch (SheetCells.Problem problem) {
            throw new UnreadableRosterException(sheet + " cell " + CellReference.convertNumToColString(column) + line
                    + ": " + problem.getMessage());
        }
    }

    private int rowNumber(String reference) {
        if (reference == null) {
            return lastRow + 1;
        }
        try {
            int line = Integer.parseInt(reference.trim());
            if (line > 0) {
                return line;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new UnreadableRosterException(sheet + " after row " + lastRow + ": a row numbered '" + reference
                + "': the workbook is damaged");
    }

    /** The column of a reference such as "C7" (2), or the one after previous when there is none. */
    private int column(String reference, int previous, int line) {
        if (reference == null || reference.isEmpty()) {
            return previous + 1;
        }
        int column = SheetCells.column(reference);
        if (column < 0) {
            throw new UnreadableRosterException(sheet + " row " + line + ": a cell reference '" + reference
                    + "' without a column: the workbook is damaged");
        }
        return column;
    }

    void close() {
        try {
            xml.close();
        } catch (XMLStreamException e) {
            // the stream under it is closed with the workbook: nothing is left open
        }
    }
}
