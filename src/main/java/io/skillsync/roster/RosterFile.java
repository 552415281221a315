package io.skillsync.roster;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;

/**
 * Opens a roster file as CSV text for {@link RosterReader}: refuses one too large or not text at all,
 * decodes UTF-8 past a byte-order mark, and bounds each record's length while it is read.
 */
final class RosterFile {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            // blank lines are skipped here rather than by the parser, so that line numbers stay exact
            .setIgnoreEmptyLines(false)
            .get();

    private RosterFile() {
    }

    /** A parser over the file's records, header first; close it when done. */
    static CSVParser open(Path file, RosterReader.Limits limits) {
        try {
            long size = Files.size(file);
            if (size > limits.fileSize()) {
                throw new UnreadableRosterException("the file is " + size + " bytes, over skillsync.intake.max-file-size ("
                        + limits.fileSize() + "): split it");
            }
            // bad bytes become U+FFFD, found by RosterReader row by row: the error then names the right line
            var decoder = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE);
            var bytes = new BufferedInputStream(Files.newInputStream(file));
            try {
                refuseWhatIsNotText(bytes);
            } catch (IOException | RuntimeException e) {
                bytes.close();
                throw e;
            }
            var reader = new BufferedReader(new BoundedReader(new InputStreamReader(bytes, decoder), limits.recordLength()));
            skipByteOrderMark(reader);
            return CSVParser.builder().setReader(reader).setFormat(FORMAT).get();
        } catch (IOException e) {
            throw new UnreadableRosterException("cannot open the file: " + e.getMessage(), e);
        }
    }

    /**
     * UTF-16 and binary files decode as UTF-8 garbage or not at all: name them plainly instead. Looks at the
     * first 8 KiB: a UTF-16/32 byte-order mark, or a NUL byte (no text file has one).
     */
    private static void refuseWhatIsNotText(BufferedInputStream in) throws IOException {
        in.mark(8192);
        byte[] head = in.readNBytes(8192);
        in.reset();
        if (head.length >= 2 && ((head[0] == (byte) 0xFF && head[1] == (byte) 0xFE)
                || (head[0] == (byte) 0xFE && head[1] == (byte) 0xFF))) {
            throw new UnreadableRosterException("the file is UTF-16 text (it starts with a UTF-16 byte-order mark);"
                    + " export it as 'CSV UTF-8'");
        }
        for (byte b : head) {
            if (b == 0) {
                throw new UnreadableRosterException("the file holds NUL bytes: it is binary, or UTF-16 without a"
                        + " byte-order mark, not CSV text; export it as 'CSV UTF-8'");
            }
        }
    }

    private static void skipByteOrderMark(BufferedReader reader) throws IOException {
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
    }
}
