package io.skillsync.roster;

import static io.skillsync.roster.WorkbookFixtures.text;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** WorkbookRows on real workbooks written by POI, and on hostile ones: each refused with its reason. */
class WorkbookRowsTest {

    static final long MAX_FILE = 268_435_456L;
    static final int MAX_CELL = 4_194_304;
    /** Excel's own: XFD. */
    static final int MAX_COLUMNS = 16_384;

    @TempDir
    Path dir;

    @Test
    void numbersFormulasBooleansAndSharedStringsReadAsACsvWouldHoldThem() throws IOException {
        Path file = WorkbookFixtures.xlsx(dir.resolve("roster.xlsx"), workbook -> {
            var sheet = workbook.createSheet("Roster");
            Row header = sheet.createRow(0);
            List.of("email", "level", "half", "big", "twice", "label", "active", "missing", "tenth",
                    "binary").forEach(name -> header.createCell(header.getPhysicalNumberOfCells()).setCellValue(name));
            Row row = sheet.createRow(1);
            row.createCell(0).setCellValue("a@example.com");
            row.createCell(1).setCellValue(5.0);
            row.createCell(2).setCellValue(2.5);
            row.createCell(3).setCellValue(1e20);
            row.createCell(4).setCellFormula("B2*2");
            row.createCell(5).setCellFormula("\"Tier \"&B2");
            row.createCell(6).setCellFormula("B2>1");
            row.createCell(7).setCellFormula("NA()");
            row.createCell(8).setCellValue(-0.1);
            row.createCell(9).setCellFormula("0.7*10"); // 7.000000000000001 in binary; Excel shows 7
            Row third = sheet.createRow(2);
            third.createCell(0).setCellValue("b@example.com");
            third.createCell(1).setCellValue(true);
        });
        assertEquals(List.of(
                row(1, "email", "level", "half", "big", "twice", "label", "active", "missing", "tenth", "binary"),
                row(2, "a@example.com", "5", "2.5", "100000000000000000000", "10", "Tier 5", "TRUE", "#N/A", "-0.1",
                        "7"),
                row(3, "b@example.com", "TRUE")), readAll(file, null));
    }

    @Test
    void datesAreIsoDatesAndATimeOfDayMakesAnIsoDateTime() throws IOException {
        Path file = WorkbookFixtures.xlsx(dir.resolve("dates.xlsx"), workbook -> {
            CellStyle day = workbook.createCellStyle();
            day.setDataFormat(workbook.createDataFormat().getFormat("dd/mm/yyyy"));
            CellStyle builtIn = workbook.createCellStyle();
            builtIn.setDataFormat((short) 14); // m/d/yy, Excel's short date
            Row row = workbook.createSheet("Roster").createRow(0);
            row.createCell(0).setCellValue(LocalDate.of(2024, 3, 5));
            row.getCell(0).setCellStyle(day);
            row.createCell(1).setCellValue(LocalDateTime.of(2024, 3, 5, 14, 30));
            row.getCell(1).setCellStyle(day);
            row.createCell(2).setCellValue(45356.0);
            row.getCell(2).setCellStyle(builtIn);
            row.createCell(3).setCellValue(45356.0); // the same number in no date style stays a number
        });
        assertEquals(List.of(row(1, "2024-03-05", "2024-03-05T14:30:00", "2024-03-05", "45356")), readAll(file, null));
    }

    @Test
    void aMacWorkbookCountsItsDatesFrom1904() throws IOException {
        Path file = WorkbookFixtures.xlsx(dir.resolve("mac.xlsx"), workbook -> {
            var ct = workbook.getCTWorkbook();
            (ct.isSetWorkbookPr() ? ct.getWorkbookPr() : ct.addNewWorkbookPr()).setDate1904(true);
            CellStyle day = workbook.createCellStyle();
            day.setDataFormat((short) 14);
            Row row = workbook.createSheet("Roster").createRow(0);
            row.createCell(0).setCellValue(1.0);
            row.getCell(0).setCellStyle(day);
        });
        assertEquals(List.of(row(1, "1904-01-02")), readAll(file, null));
    }

    @Test
    void blankRowsAreSkippedAndLineNumbersAreTheSheetsWithGapsOfBlankCellsKept() throws IOException {
        Path file = WorkbookFixtures.xlsx(dir.resolve("gaps.xlsx"), workbook -> {
            var sheet = workbook.createSheet("Roster");
            sheet.createRow(1).createCell(0).setCellValue("email");
            sheet.getRow(1).createCell(1).setCellValue("skill");
            sheet.createRow(2).createCell(2).setBlank(); // a formatted blank cell makes no row
            sheet.createRow(3).createCell(1).setCellValue("   "); // nor does white space alone
            Row gaps = sheet.createRow(6);
            gaps.createCell(0).setCellValue("a@example.com");
            gaps.createCell(3).setCellValue("Tier 1");
            gaps.createCell(5).setCellValue("");
        });
        assertEquals(List.of(row(2, "email", "skill"), row(7, "a@example.com", "", "", "Tier 1")), readAll(file, null));
    }

    @Test
    void inlineStringsAsSxssfWritesThem() throws IOException {
        Path file = dir.resolve("streamed.xlsx");
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(10)) {
            var sheet = workbook.createSheet("Roster");
            for (int i = 0; i < 100; i++) {
                Row row = sheet.createRow(i * 2);
                row.createCell(0).setCellValue("agent" + i + "@example.com");
                row.createCell(2).setCellValue(i % 5 + 1.0);
            }
            WorkbookFixtures.write(workbook, file); // close() removes SXSSF's temporary files
        }
        List<WorkbookRows.SheetRow> rows = readAll(file, null);
        assertEquals(100, rows.size());
        assertEquals(row(199, "agent99@example.com", "", "5"), rows.get(99));
    }

    @Test
    void aSheetIsChosenByNameAndAMissingOneListsTheSheetsThereAre() throws IOException {
        Path file = WorkbookFixtures.xlsx(dir.resolve("two.xlsx"), workbook -> {
            workbook.createSheet("Notes").createRow(0).createCell(0).setCellValue("not the roster");
            workbook.createSheet("Roster").createRow(4).createCell(1).setCellValue("email");
        });
        assertEquals(List.of(row(1, "not the roster")), readAll(file, " "));
        assertEquals(List.of(row(5, "", "email")), readAll(file, "roster"));
        assertRefused("the workbook has no sheet named 'Skills' (skillsync.roster.sheet); its sheets are 'Notes',"
                + " 'Roster'", file, "Skills");
    }

    @Test
    void cellsAndRowsWithoutReferencesFollowThePreviousOnesAndRichTextIsItsText() throws IOException {
        Path file = WorkbookFixtures.withSheetData(dir, "hand.xlsx", text("<row><c t=\"inlineStr\"><is><t>a</t></is></c>"
                + "<c/><c><v>3.50</v></c></row><row r=\"5\"><c r=\"B5\"><v>1</v></c><c><f>B5+1</f><v>2</v></c></row>"
                + "<row><c t=\"inlineStr\"><is><r><t>Bo</t></r><r><t xml:space=\"preserve\"> Chan</t></r>"
                + "<rPh sb=\"0\" eb=\"2\"><t>\u30dc</t></rPh></is></c><c t=\"e\"><v>#DIV/0!</v></c></row>"));
        assertEquals(List.of(row(1, "a", "", "3.5"), row(5, "", "1", "2"), row(6, "Bo Chan", "#DIV/0!")),
                readAll(file, null));
    }

    @Test
    void aHugeUniqueCountInTheSharedStringsIsNotBelievedAndAnOverlongOneIsRefusedAtItsCell() throws IOException {
        Path lying = WorkbookFixtures.rewrite(WorkbookFixtures.plain(dir.resolve("p.xlsx")), dir.resolve("lying.xlsx"),
                Map.of("xl/sharedStrings.xml", text("<sst xmlns=\"" + WorkbookFixtures.MAIN_NS + "\" count=\"2\""
                        + " uniqueCount=\"2147483647\"><si><t>email</t></si><si><t>skill</t></si></sst>")));
        assertEquals(List.of(row(1, "email", "skill")), readAll(lying, null));

        Path overlong = WorkbookFixtures.rewrite(WorkbookFixtures.plain(dir.resolve("q.xlsx")), dir.resolve("long.xlsx"),
                Map.of("xl/sharedStrings.xml", text("<sst xmlns=\"" + WorkbookFixtures.MAIN_NS + "\"><si><t>email</t>"
                        + "</si><si><t>" + "x".repeat(5000) + "</t></si></sst>")));
        UnreadableRosterException refused = assertThrows(UnreadableRosterException.class,
                () -> readAll(overlong, null, MAX_FILE, 1000));
        assertEquals("sheet 'Roster' cell B1: a cell of 5000 characters, over skillsync.intake.max-record-length (1000)",
                refused.getMessage());
    }

    @Test
    void readingLeavesTheFileAsItWasAndClosingTwiceIsHarmless() throws IOException {
        Path file = WorkbookFixtures.plain(dir.resolve("roster.xlsx"));
        byte[] before = Files.readAllBytes(file);
        WorkbookRows rows = WorkbookRows.open(file, null, MAX_FILE, MAX_CELL, MAX_COLUMNS);
        assertEquals("Roster", rows.sheetName());
        rows.close();
        rows.close();
        assertFalse(rows.hasNext());
        readAll(file, null);
        assertArrayEquals(before, Files.readAllBytes(file));
    }

    @Test
    void aFileOverTheSizeLimitIsRefusedUnopened() throws IOException {
        Path file = WorkbookFixtures.plain(dir.resolve("roster.xlsx"));
        UnreadableRosterException refused = assertThrows(UnreadableRosterException.class,
                () -> readAll(file, null, 100, MAX_CELL));
        assertEquals("the file is " + Files.size(file) + " bytes, over skillsync.intake.max-file-size (100): split it",
                refused.getMessage());
    }

    @Test
    void anEncryptedWorkbookIsRefusedAsEncrypted() throws IOException {
        assertRefused("the workbook is encrypted (it needs a password to open), so it cannot be read: remove the"
                + " password (File > Info > Protect Workbook) and save it as .xlsx (Excel Workbook)",
                WorkbookFixtures.encrypted(dir), null);
    }

    @Test
    void anOldXlsIsRefusedAsSuchWhateverItsName() throws IOException {
        Path file = dir.resolve("roster.xlsx");
        try (HSSFWorkbook workbook = new HSSFWorkbook()) {
            workbook.createSheet("Roster").createRow(0).createCell(0).setCellValue("email");
            WorkbookFixtures.write(workbook, file);
        }
        assertRefused("the file is an old-format Excel 97-2003 workbook (.xls), whatever its name says: save it as"
                + " .xlsx (Excel Workbook)", file, null);
    }

    @Test
    void textNamedXlsxAndAZipThatIsNoWorkbookAreRefused() throws IOException {
        Path csv = Files.writeString(dir.resolve("roster.xlsx"), "email,skill\na@example.com,Tier 1\n");
        assertRefused("the file is not an .xlsx workbook (it is plain text or unknown data, and an .xlsx is a zip"
                + " archive): save it as .xlsx (Excel Workbook), or name a CSV export .csv", csv, null);
        Path zip = dir.resolve("archive.xlsx");
        try (var out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("roster.csv"));
            out.write("email\n".getBytes(StandardCharsets.UTF_8));
        }
        assertRefused("the file is a zip archive but no Excel workbook (Package should contain a content type part"
                + " [M1.13]): save it as .xlsx (Excel Workbook)", zip, null);
    }

    @Test
    void aMacroEnabledWorkbookIsRefusedByItsContentTypeOrItsVbaProject() throws IOException {
        String reason = "the workbook is macro-enabled (.xlsm: it carries VBA macros), which SkillSync does not open:"
                + " save it as .xlsx (Excel Workbook), which leaves the macros out";
        Path plain = WorkbookFixtures.plain(dir.resolve("plain.xlsx"));
        String types = WorkbookFixtures.entryText(plain, "[Content_Types].xml");
        assertTrue(types.contains("spreadsheetml.sheet.main+xml"));
        Path xlsm = WorkbookFixtures.rewrite(plain, dir.resolve("roster.xlsm"), Map.of("[Content_Types].xml",
                text(types.replace("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
                        "application/vnd.ms-excel.sheet.macroEnabled.main+xml"))));
        assertRefused(reason, xlsm, null);
        Path vba = WorkbookFixtures.withParts(dir, "vba.xlsx", "<Override PartName=\"/xl/vbaProject.bin\""
                + " ContentType=\"application/vnd.ms-office.vbaProject\"/>", Map.of("xl/vbaProject.bin", text("VBA")));
        assertRefused(reason, vba, null);
    }

    @Test
    void externalLinksAreRefused() throws IOException {
        Path file = WorkbookFixtures.withParts(dir, "linked.xlsx", "<Override PartName=\"/xl/externalLinks/"
                + "externalLink1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml"
                + ".externalLink+xml\"/>", Map.of("xl/externalLinks/externalLink1.xml", text("<externalLink xmlns=\""
                        + WorkbookFixtures.MAIN_NS + "\"><externalBook/></externalLink>")));
        assertRefused("the workbook links to other workbooks (external links), so its values may be stale copies of"
                + " theirs: break the links (Data > Edit Links > Break Link), check the values and save it again",
                file, null);
    }

    @Test
    void aZipBombIsRefusedBeforeItsRowsAreRead() throws IOException {
        // 200 MB of one row over and over, packed about 1000 to 1 into a file of a few hundred KB
        byte[] rows = "<row><c t=\"inlineStr\"><is><t>bomb</t></is></c></row>".repeat(20_000)
                .getBytes(StandardCharsets.UTF_8);
        Path bomb = WorkbookFixtures.withSheetData(dir, "bomb.xlsx", out -> {
            for (long written = 0; written < 200L << 20; written += rows.length) {
                out.write(rows);
            }
        });
        assertTrue(Files.size(bomb) < 1 << 20, Files.size(bomb) + " bytes");
        assertRefused("the workbook is no normal Excel file: its part /xl/worksheets/sheet1.xml unpacks to more than"
                + " 100 times its packed size (a 'zip bomb'), so it was refused unread; save the roster again from"
                + " Excel as .xlsx", bomb, null);
    }

    @Test
    void aZipBombThatLiesAboutItsSizeIsStoppedWhileItIsRead() throws IOException {
        byte[] rows = "<row><c t=\"inlineStr\"><is><t>bomb</t></is></c></row>".repeat(20_000)
                .getBytes(StandardCharsets.UTF_8);
        Path bomb = WorkbookFixtures.withSheetData(dir, "bomb.xlsx", out -> {
            for (long written = 0; written < 50L << 20; written += rows.length) {
                out.write(rows);
            }
        });
        // the zip's directory now says the sheet unpacks to 1000 bytes, so only POI's guard while unpacking is left
        Path liar = WorkbookFixtures.declaringSize(bomb, "xl/worksheets/sheet1.xml", 1000, dir.resolve("liar.xlsx"));
        try (var zip = org.apache.commons.compress.archivers.zip.ZipFile.builder().setPath(liar).get()) {
            assertEquals(1000, zip.getEntry("xl/worksheets/sheet1.xml").getSize());
        }
        assertRefused("the workbook is no normal Excel file: its part /xl/worksheets/sheet1.xml unpacks to more than"
                + " 100 times its packed size (a 'zip bomb'), so it was refused unread; save the roster again from"
                + " Excel as .xlsx", liar, null);
    }

    @Test
    void aRowOfAMillionColumnsIsRefusedAtThatRow() throws IOException {
        Path file = WorkbookFixtures.withSheetData(dir, "wide.xlsx", out -> {
            out.write("<row r=\"1\"><c t=\"inlineStr\"><is><t>email</t></is></c></row><row r=\"2\">"
                    .getBytes(StandardCharsets.UTF_8));
            StringBuilder cells = new StringBuilder();
            for (int i = 0; i < 1_000_001; i++) {
                cells.append("<c><v>").append(i).append("</v></c>");
                if (cells.length() > 1 << 16 || i == 1_000_000) {
                    out.write(cells.toString().getBytes(StandardCharsets.UTF_8));
                    cells.setLength(0);
                }
            }
            out.write("</row>".getBytes(StandardCharsets.UTF_8));
        });
        assertRefused("sheet 'Roster' row 2: more than 16384 columns (a cell in column XFE), far more than a roster"
                + " has: delete the stray cells to the right of the roster's columns", file, null);
    }

    @Test
    void aCellOfTenMegabytesIsRefusedAtThatCell() throws IOException {
        Random random = new Random(7);
        Path file = WorkbookFixtures.withSheetData(dir, "big-cell.xlsx", out -> {
            out.write("<row r=\"7\"><c r=\"C7\" t=\"inlineStr\"><is><t>".getBytes(StandardCharsets.UTF_8));
            byte[] letters = new byte[1 << 20];
            for (int i = 0; i < 10; i++) {
                for (int j = 0; j < letters.length; j++) {
                    letters[j] = (byte) ('a' + random.nextInt(26)); // random, so that it is no zip bomb
                }
                out.write(letters);
            }
            out.write("</t></is></c></row>".getBytes(StandardCharsets.UTF_8));
        });
        assertRefused("sheet 'Roster' cell C7: a cell of 10485760 characters, over"
                + " skillsync.intake.max-record-length (4194304)", file, null);
    }

    @Test
    void aDtdIsRefusedSoNoEntityIsExpandedOrFetched() throws IOException {
        Path file = WorkbookFixtures.rewrite(WorkbookFixtures.plain(dir.resolve("p.xlsx")), dir.resolve("xxe.xlsx"),
                Map.of("xl/worksheets/sheet1.xml", text("<?xml version=\"1.0\"?><!DOCTYPE worksheet [<!ENTITY secret"
                        + " SYSTEM \"file:///etc/passwd\">]><worksheet xmlns=\"" + WorkbookFixtures.MAIN_NS + "\">"
                        + "<sheetData><row><c t=\"inlineStr\"><is><t>&secret;</t></is></c></row></sheetData>"
                        + "</worksheet>")));
        assertRefused("sheet 'Roster' cannot be read (the part declares a DTD, which no Excel file does): the file is"
                + " damaged or no real .xlsx; save it again from Excel as .xlsx (Excel Workbook)", file, null);
    }

    static WorkbookRows.SheetRow row(int line, String... cells) {
        return new WorkbookRows.SheetRow(line, List.of(cells));
    }

    static List<WorkbookRows.SheetRow> readAll(Path file, String sheet) {
        return readAll(file, sheet, MAX_FILE, MAX_CELL);
    }

    static List<WorkbookRows.SheetRow> readAll(Path file, String sheet, long maxFile, int maxCell) {
        List<WorkbookRows.SheetRow> rows = new ArrayList<>();
        try (WorkbookRows read = WorkbookRows.open(file, sheet, maxFile, maxCell, MAX_COLUMNS)) {
            read.forEachRemaining(rows::add);
        }
        return rows;
    }

    static void assertRefused(String reason, Path file, String sheet) {
        UnreadableRosterException refused = assertThrows(UnreadableRosterException.class, () -> readAll(file, sheet));
        assertEquals(reason, refused.getMessage());
    }
}
