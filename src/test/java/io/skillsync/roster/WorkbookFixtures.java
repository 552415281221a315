package io.skillsync.roster;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Workbooks for WorkbookRowsTest, real ones written by POI and hostile ones made by rewriting their zip. */
final class WorkbookFixtures {

    static final String MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    /** What a zip entry holds, written as it is wanted: streamed, so a 200 MB part is never in memory. */
    interface Content {
        void write(OutputStream out) throws IOException;
    }

    private WorkbookFixtures() {
    }

    /** A workbook filled by fill, its formulas' cached values computed, written to file. */
    static Path xlsx(Path file, Consumer<XSSFWorkbook> fill) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            fill.accept(workbook);
            workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
            return write(workbook, file);
        }
    }

    static Path write(Workbook workbook, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            workbook.write(out);
        }
        return file;
    }

    /** A plain one-sheet workbook named 'Roster', with a header row, to rewrite into hostile ones. */
    static Path plain(Path file) throws IOException {
        return xlsx(file, workbook -> {
            var row = workbook.createSheet("Roster").createRow(0);
            row.createCell(0).setCellValue("email");
            row.createCell(1).setCellValue("skill");
        });
    }

    /** A copy of from with the parts named in parts replaced, or added when from has none of that name. */
    static Path rewrite(Path from, Path to, Map<String, Content> parts) throws IOException {
        Map<String, Content> left = new LinkedHashMap<>(parts);
        try (ZipFile zip = new ZipFile(from.toFile());
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(to))) {
            for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements();) {
                ZipEntry entry = entries.nextElement();
                out.putNextEntry(new ZipEntry(entry.getName()));
                Content replacement = left.remove(entry.getName());
                if (replacement != null) {
                    replacement.write(out);
                } else {
                    try (InputStream in = zip.getInputStream(entry)) {
                        in.transferTo(out);
                    }
                }
                out.closeEntry();
            }
            for (Map.Entry<String, Content> added : left.entrySet()) {
                out.putNextEntry(new ZipEntry(added.getKey()));
                added.getValue().write(out);
                out.closeEntry();
            }
        }
        return to;
    }

    static String entryText(Path zip, String name) throws IOException {
        try (ZipFile file = new ZipFile(zip.toFile())) {
            return new String(file.getInputStream(file.getEntry(name)).readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static Content text(String text) {
        return out -> out.write(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The plain workbook with its sheet's XML replaced: rows, the sheetData's content, written by rows. */
    static Path withSheetData(Path dir, String name, Content rows) throws IOException {
        return rewrite(plain(dir.resolve("plain-" + name)), dir.resolve(name), Map.of("xl/worksheets/sheet1.xml", out -> {
            out.write(("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<worksheet xmlns=\"" + MAIN_NS
                    + "\"><sheetData>").getBytes(StandardCharsets.UTF_8));
            rows.write(out);
            out.write("</sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
        }));
    }

    /** The plain workbook with one more line in [Content_Types].xml and the parts it names. */
    static Path withParts(Path dir, String name, String contentTypes, Map<String, Content> parts) throws IOException {
        Path plain = plain(dir.resolve("plain-" + name));
        Map<String, Content> all = new LinkedHashMap<>(parts);
        all.put("[Content_Types].xml", text(entryText(plain, "[Content_Types].xml").replace("</Types>", contentTypes
                + "</Types>")));
        return rewrite(plain, dir.resolve(name), all);
    }

    /** The plain workbook sealed with a password, as Excel's "Encrypt with Password" does (agile encryption). */
    static Path encrypted(Path dir) throws IOException {
        Path plain = plain(dir.resolve("plain.xlsx"));
        Path sealed = dir.resolve("sealed.xlsx");
        try (POIFSFileSystem ole = new POIFSFileSystem()) {
            Encryptor encryptor = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
            encryptor.confirmPassword("secret");
            try (OutputStream out = encryptor.getDataStream(ole)) {
                Files.copy(plain, out);
            } catch (java.security.GeneralSecurityException e) {
                throw new IOException(e);
            }
            try (OutputStream out = Files.newOutputStream(sealed)) {
                ole.writeFilesystem(out);
            }
        }
        return sealed;
    }

    /** A copy of zip whose central directory declares entry's unpacked size as size, whatever it really is. */
    static Path declaringSize(Path zip, String entry, int size, Path to) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(zip)).order(ByteOrder.LITTLE_ENDIAN);
        byte[] name = entry.getBytes(StandardCharsets.UTF_8);
        boolean found = false;
        for (int at = 0; at + 46 <= bytes.limit(); at++) {
            // a central directory header: signature PK 1 2, its name's length at 28 and the name at 46
            if (bytes.getInt(at) == 0x02014b50 && bytes.getShort(at + 28) == name.length
                    && Arrays.equals(Arrays.copyOfRange(bytes.array(), at + 46, at + 46 + name.length), name)) {
                bytes.putInt(at + 24, size);
                found = true;
            }
        }
        if (!found) {
            throw new IOException(entry + " is not in " + zip);
        }
        return Files.write(to, bytes.array());
    }
}
