package io.skillsync.roster;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Streams a roster file's data rows (RFC 4180, UTF-8 with or without BOM, LF or CRLF), one
 * {@link RosterRecord} at a time, each with the line it starts on. The file is read twice per run: once
 * to validate and plan, once to write the audit and error files, so no row's raw cells stay in memory.
 */
@ApplicationScoped
@Named("rosterReader")
public class RosterReader {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            // blank lines are skipped here rather than by the parser, so that line numbers stay exact
            .setIgnoreEmptyLines(false)
            .get();

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

    /** The data rows of one file; close it when done (Camel's splitter does). */
    public static final class Rows implements Iterator<RosterRecord>, Closeable {
        private final CSVParser parser;
        private final Iterator<CSVRecord> records;
        private final RosterColumns columns;
        private RosterRecord next;
        private int index;

        private final Limits limits;

        Rows(Path file, Limits limits) {
            this.limits = limits;
            try {
                long size = Files.size(file);
                if (size > limits.fileSize()) {
                    throw new UnreadableRosterException("the file is " + size + " bytes, over skillsync.intake.max-file-size ("
                            + limits.fileSize() + "): split it");
                }
                // bad bytes become U+FFFD, found row by row below: the error then names the right line
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
                this.parser = CSVParser.builder().setReader(reader).setFormat(FORMAT).get();
            } catch (IOException e) {
                throw new UnreadableRosterException("cannot open the file: " + e.getMessage(), e);
            }
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
                        + separatorHint(header), e);
            }
            this.next = fetch(columns);
        }

        public RosterColumns columns() {
            return columns;
        }

        @Override
        public boolean hasNext() {
            return next != null;
        }

        @Override
        public RosterRecord next() {
            if (next == null) {
                throw new NoSuchElementException();
            }
            RosterRecord current = next;
            next = fetch(columns);
            return current;
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
                    if (cols != null && index >= limits.rows()) {
                        close();
                        throw new UnreadableRosterException("line " + line + ": more than " + limits.rows()
                                + " rows (skillsync.intake.max-rows): split the file");
                    }
                    if (record.stream().anyMatch(cell -> cell.indexOf('\uFFFD') >= 0)) {
                        close();
                        throw new UnreadableRosterException("line " + line + ": the file is not UTF-8 text (Latin-1 or"
                                + " Windows-1252?); export it as 'CSV UTF-8'");
                    }
                    List<String> cells = record.stream().map(SpreadsheetCells::restore).toList();
                    return new RosterRecord(cols == null ? -1 : index++, line, cells, cols);
                } catch (UncheckedIOException e) {
                    throw unreadable(consumed + 1, e.getCause());
                } catch (IllegalStateException e) {
                    throw unreadable(consumed + 1, e);
                }
            }
        }

        private UnreadableRosterException unreadable(long line, Throwable cause) {
            close();
            String message = cause == null ? "" : String.valueOf(cause.getMessage());
            if (message.contains("EOF reached before encapsulated token finished")) {
                return new UnreadableRosterException("line " + line + ": a quoted field is never closed"
                        + " (unbalanced \" quote)", cause);
            }
            if (message.toLowerCase(java.util.Locale.ROOT).contains("between encapsulated token and delimiter")) {
                return new UnreadableRosterException("line " + line + ": text follows a closing \" quote"
                        + " inside a field (unbalanced \" quote)", cause);
            }
            return new UnreadableRosterException("line " + line + ": not valid CSV: " + message, cause);
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

    private static String separatorHint(RosterRecord header) {
        if (header.cells().size() == 1) {
            String only = header.cells().get(0);
            if (only.contains(";")) {
                return " (it looks ;-separated, expected commas)";
            }
            if (only.contains("\t")) {
                return " (it looks tab-separated, expected commas)";
            }
        }
        return "";
    }
}
