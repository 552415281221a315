package io.skillsync.roster;

import static javax.xml.stream.XMLStreamConstants.START_ELEMENT;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.usermodel.XSSFRelation;

/**
 * An .xlsx opened for reading one sheet: the zip opened read-only (the file is never written), refused whole if
 * {@link WorkbookRefusals} says so, then the sheet found, and what its cells need read first: the date styles,
 * the shared strings and whether dates count from 1904. The sheet itself is left as a stream for {@link SheetXml}.
 */
final class WorkbookParts implements Closeable {

    /** The sheet names a "no such sheet" reason lists, at most: a workbook may have hundreds. */
    private static final int NAMES_LISTED = 20;

    private final OPCPackage pkg;
    private final String sheetName;
    private final String sheetPart;
    private final InputStream sheet;
    private final SheetCells cells;

    private WorkbookParts(OPCPackage pkg, String sheetName, String sheetPart, InputStream sheet, SheetCells cells) {
        this.pkg = pkg;
        this.sheetName = sheetName;
        this.sheetPart = sheetPart;
        this.sheet = sheet;
        this.cells = cells;
    }

    static WorkbookParts open(Path file, String wanted, long maxFileSize, int maxCellLength) {
        WorkbookRefusals.refuseBeforeOpening(file, maxFileSize);
        OPCPackage pkg;
        try {
            pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
        } catch (Exception e) {
            throw WorkbookRefusals.notAPackage(e);
        }
        InputStream sheet = null;
        String part = null;
        boolean opened = false;
        try {
            WorkbookRefusals.refuseParts(pkg);
            XSSFReader reader = new XSSFReader(pkg);
            XSSFReader.SheetIterator sheets = reader.getSheetIterator();
            String name = null;
            List<String> names = new ArrayList<>();
            while (name == null && sheets.hasNext()) {
                InputStream next = sheets.next();
                if (wanted == null || wanted.isBlank() || sheets.getSheetName().equalsIgnoreCase(wanted.strip())) {
                    name = sheets.getSheetName();
                    sheet = next;
                    part = sheets.getSheetPart().getPartName().getName();
                } else {
                    next.close();
                    names.add(sheets.getSheetName());
                }
            }
            if (name == null) {
                throw new UnreadableRosterException(noSheet(wanted, names));
            }
            boolean date1904;
            try (InputStream workbook = reader.getWorkbookData()) {
                part = "/xl/workbook.xml";
                date1904 = date1904(workbook);
            }
            part = XSSFRelation.STYLES.getDefaultFileName();
            CellStyles styles = CellStyles.NONE;
            for (PackagePart stylesPart : first(pkg, XSSFRelation.STYLES.getContentType())) {
                try (InputStream in = stylesPart.getInputStream()) {
                    styles = CellStyles.read(in);
                }
            }
            part = XSSFRelation.SHARED_STRINGS.getDefaultFileName();
            SharedStringTable strings = SharedStringTable.NONE;
            for (PackagePart stringsPart : first(pkg, XSSFRelation.SHARED_STRINGS.getContentType())) {
                try (InputStream in = stringsPart.getInputStream()) {
                    strings = SharedStringTable.read(in, maxCellLength, maxFileSize);
                }
            }
            WorkbookParts parts = new WorkbookParts(pkg, name, sheets.getSheetPart().getPartName().getName(), sheet,
                    new SheetCells(strings, styles, date1904, maxCellLength));
            opened = true;
            return parts;
        } catch (Exception e) {
            throw WorkbookRefusals.unreadable(part == null ? "the workbook" : "the workbook's part " + part, part, e);
        } finally {
            if (!opened) {
                closeQuietly(sheet);
                pkg.revert();
            }
        }
    }

    /** The first part of that content type, if any: the package holds one styles and one shared strings part. */
    private static List<PackagePart> first(OPCPackage pkg, String contentType) {
        List<PackagePart> parts = pkg.getPartsByContentType(contentType);
        return parts.isEmpty() ? List.of() : List.of(parts.get(0));
    }

    private static String noSheet(String wanted, List<String> names) {
        if (wanted == null || wanted.isBlank()) {
            return "the workbook has no sheet";
        }
        String listed = names.stream().limit(NAMES_LISTED).map(n -> "'" + n + "'").collect(Collectors.joining(", "))
                + (names.size() > NAMES_LISTED ? " and " + (names.size() - NAMES_LISTED) + " more" : "");
        return "the workbook has no sheet named '" + wanted.strip() + "' (skillsync.roster.sheet); its sheets are "
                + listed;
    }

    /** Mac workbooks may count dates from 1904 (workbookPr date1904): the same number is then another day. */
    private static boolean date1904(InputStream workbook) throws XMLStreamException {
        XMLStreamReader xml = StaxInput.open(workbook);
        try {
            while (xml.hasNext()) {
                if (xml.next() == START_ELEMENT) {
                    switch (xml.getLocalName()) {
                        case "workbookPr" -> {
                            String flag = xml.getAttributeValue(null, "date1904");
                            return "1".equals(flag) || "true".equalsIgnoreCase(flag);
                        }
                        // workbookPr comes before the sheets, when it is there at all
                        case "sheets" -> {
                            return false;
                        }
                        default -> { }
                    }
                }
            }
            return false;
        } finally {
            xml.close();
        }
    }

    String sheetName() {
        return sheetName;
    }

    /** The sheet's part in the zip (xl/worksheets/sheet1.xml), named when it turns out to be a zip bomb. */
    String sheetPart() {
        return sheetPart;
    }

    InputStream sheet() {
        return sheet;
    }

    SheetCells cells() {
        return cells;
    }

    @Override
    public void close() {
        closeQuietly(sheet);
        // revert, not close: close() would save a package, and this one is open read-only
        pkg.revert();
    }

    private static void closeQuietly(Closeable closeable) {
        if (closeable != null) {
            try {
                closeable.close();
            } catch (IOException e) {
                // nothing was written through it: there is nothing to lose
            }
        }
    }
}
