package io.skillsync.roster;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads one of HR's mapping files whole (RFC 4180, UTF-8 with or without BOM). A mapping file is small, so
 * it is read into memory once, and its sha256 is taken from the very bytes that are parsed: a file replaced
 * while it is read cannot leave the recorded sum disagreeing with what was applied.
 */
final class MappingFile {

    /** A mapping file lists names, not people: anything larger is the wrong file, and is not held in memory. */
    static final int MOST_BYTES = 1 << 20;

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            // blank lines are skipped here rather than by the parser, so that line numbers stay exact
            .setIgnoreEmptyLines(false)
            .get();

    private MappingFile() {
    }

    /** One data line: the line it starts on, and its stripped cells in the order of the columns asked for. */
    record Line(int number, List<String> cells) {
        String cell(int column) {
            return cells.get(column);
        }
    }

    /** The data lines of a file (header left out) and the sha256 of its bytes, in lowercase hex. */
    record Read(List<Line> lines, String sha256) {
    }

    /**
     * Reads {@code file}, or returns null when there is none (a mapping is optional). {@code columns} are the
     * header names the file may use, the first {@code required} of them obligatory; {@code name} is how
     * messages name the file.
     *
     * @throws MappingException naming the line when the file cannot be read as such a mapping
     */
    static Read read(Path file, String name, List<String> columns, int required) {
        byte[] bytes;
        // followed links are fine: a Kubernetes ConfigMap mounts each file as a symbolic link
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MOST_BYTES + 1);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new MappingException(name + ": cannot be read: " + e.getMessage(), e);
        }
        if (bytes.length > MOST_BYTES) {
            throw new MappingException(name + ": the file is over " + MOST_BYTES
                    + " bytes (1 MB), more than a mapping holds: is it the right file?");
        }
        return new Read(lines(text(bytes), name, columns, required), sha256(bytes));
    }

    /** The lowercase hex sha256 of {@code bytes}, as the run's summary records it. */
    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Header names match ignoring case, surrounding blanks, spaces, underscores and hyphens, as a roster's do. */
    static String normalise(String header) {
        return header.strip().toLowerCase(Locale.ROOT).replace(" ", "").replace("_", "").replace("-", "");
    }

    private static String text(byte[] bytes) {
        // bad bytes become U+FFFD and are found line by line, so that the message names the line
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        try {
            String text = decoder.decode(ByteBuffer.wrap(bytes)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new IllegalStateException("a replacing decoder reports no error", e);
        }
    }

    private static List<Line> lines(String text, String name, List<String> columns, int required) {
        List<Line> lines = new ArrayList<>();
        Header header = null;
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text)).setFormat(FORMAT).get()) {
            Iterator<CSVRecord> records = parser.iterator();
            while (true) {
                // read before the parser moves: the next record starts on the line after the last one consumed
                int line = (int) parser.getCurrentLineNumber() + 1;
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        return lines;
                    }
                    record = records.next();
                } catch (UncheckedIOException | IllegalStateException e) {
                    throw new MappingException(name + " " + RosterDiagnosis.unreadable(line, e).getMessage(), e);
                }
                List<String> cells = record.stream().map(String::strip).toList();
                if (cells.stream().allMatch(String::isEmpty)) {
                    continue;
                }
                if (cells.stream().anyMatch(cell -> cell.indexOf('\uFFFD') >= 0)) {
                    throw new MappingException(name + " line " + line + ": the file is not UTF-8 text (Latin-1 or"
                            + " Windows-1252?); save it as 'CSV UTF-8'");
                }
                if (header == null) {
                    header = header(cells, name + " line " + line, columns, required);
                } else {
                    lines.add(new Line(line, header.pick(cells, name + " line " + line)));
                }
            }
        } catch (IOException e) {
            throw new MappingException(name + ": cannot be read: " + e.getMessage(), e);
        }
    }

    /** For each of the columns asked for, the index of its cell in a line, or -1 for an optional one left out. */
    private record Header(int[] where) {

        List<String> pick(List<String> cells, String at) {
            for (int i = 0; i < cells.size(); i++) {
                if (!cells.get(i).isEmpty() && !named(i)) {
                    // most often a name holding a comma, not quoted: reading on would map the wrong words
                    throw new MappingException(at + ": a value in column " + (i + 1) + ", which the header does not name"
                            + " (a comma inside a name needs the name in \"quotes\")");
                }
            }
            List<String> picked = new ArrayList<>(where.length);
            for (int i : where) {
                picked.add(i >= 0 && i < cells.size() ? cells.get(i) : "");
            }
            return picked;
        }

        private boolean named(int index) {
            return Arrays.stream(where).anyMatch(i -> i == index);
        }
    }

    private static Header header(List<String> cells, String at, List<String> columns, int required) {
        int[] where = new int[columns.size()];
        Arrays.fill(where, -1);
        String expected = "; expected " + String.join(",", columns.subList(0, required))
                + (required < columns.size() ? " and optionally " + String.join(",", columns.subList(required, columns.size())) : "");
        for (int i = 0; i < cells.size(); i++) {
            if (cells.get(i).isEmpty()) {
                // a spreadsheet often saves a trailing empty column; it names nothing
                continue;
            }
            int column = columns.indexOf(normalise(cells.get(i)));
            if (column < 0) {
                // a misspelt optional column would otherwise be dropped without a word, changing what maps
                throw new MappingException(at + ": the header names an unknown column '" + cells.get(i) + "'" + expected);
            }
            if (where[column] >= 0) {
                throw new MappingException(at + ": the header names column '" + columns.get(column) + "' twice" + expected);
            }
            where[column] = i;
        }
        for (int column = 0; column < required; column++) {
            if (where[column] < 0) {
                throw new MappingException(at + ": the header " + cells + " lacks the column '" + columns.get(column) + "'"
                        + expected);
            }
        }
        return new Header(where);
    }
}
