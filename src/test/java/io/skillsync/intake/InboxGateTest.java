package io.skillsync.intake;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When a file in the inbox is whole: plain JUnit. */
class InboxGateTest {

    @TempDir
    Path dir;

    /**
     * Before: a workbook, a zip, never ends with a line end, so every .xlsx waited unterminated-wait (60 s) in the
     * inbox, even moved in whole (the benchmark's matrix workbook: 60.5 s before pick-up).
     */
    @Test
    void aWholeWorkbookIsWholeAtOnceAndOneCutShortIsNot() throws IOException {
        Path book = dir.resolve("roster.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(book)) {
            workbook.createSheet("Roster").createRow(0).createCell(0).setCellValue("email");
            workbook.write(out);
        }
        try (var channel = Files.newByteChannel(book)) {
            assertTrue(InboxGate.zipEnds(channel, channel.size()));
        }
        byte[] bytes = Files.readAllBytes(book);
        Path half = Files.write(dir.resolve("half.xlsx"), Arrays.copyOf(bytes, bytes.length / 2), StandardOpenOption.CREATE_NEW);
        try (var channel = Files.newByteChannel(half)) {
            assertFalse(InboxGate.zipEnds(channel, channel.size()), "half a zip is still being written");
        }
    }
}
