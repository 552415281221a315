package io.skillsync.roster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.skillsync.support.TestConfig;

/** The reader alone, in plain JUnit: what roster-format.md says a file may look like, and what is refused whole. */
class RosterReaderTest {

    @TempDir
    Path dir;

    @Test
    void headerNamesMatchThroughAliasesIgnoringCaseSpacesUnderscoresAndHyphens() throws IOException {
        Path file = Files.writeString(dir.resolve("roster.csv"), "Notes, Email Address ,Skill_Name,LEVEL,is-active\n"
                + "x,a@example.com,Tier_1,5,yes\n");
        try (RosterReader.Rows rows = reader().rows(file)) {
            RosterColumns columns = rows.columns();
            assertEquals(List.of("Notes", " Email Address ", "Skill_Name", "LEVEL", "is-active"), columns.header());
            assertEquals(List.of(1, -1, 2, -1, 3, 4, -1), List.of(columns.email(), columns.agentId(), columns.skill(),
                    columns.skillId(), columns.proficiency(), columns.active(), columns.error()));
            RosterRecord row = rows.next();
            assertEquals("a@example.com", row.cell(columns.email()));
            assertEquals(null, row.cell(columns.agentId()));
            assertFalse(rows.hasNext());
            assertThrows(NoSuchElementException.class, rows::next);
        }
    }

    @Test
    void aByteOrderMarkIsNotPartOfTheFirstColumnsName() throws IOException {
        List<RosterRecord> rows = read("\uFEFFemail,skill,proficiency\na@example.com,Tier_1,5\n");
        assertEquals(List.of(new Line(0, 2, List.of("a@example.com", "Tier_1", "5"))), lines(rows));
        assertEquals(0, rows.get(0).columns().email());
    }

    @Test
    void crlfLineEndsLeaveNoCarriageReturnInTheCells() throws IOException {
        List<RosterRecord> rows = read("email,skill,proficiency\r\na@example.com,Tier_1,5\r\nb@example.com,Tier_2,3\r\n");
        assertEquals(List.of(new Line(0, 2, List.of("a@example.com", "Tier_1", "5")),
                new Line(1, 3, List.of("b@example.com", "Tier_2", "3"))), lines(rows));
    }

    @Test
    void quotedFieldsHoldCommasQuotesAndLineBreaksAndARowIsNumberedByTheLineItStartsOn() throws IOException {
        List<RosterRecord> rows = read("email,skill,proficiency\n\"Doe, Jane <jdoe@example.com>\",\"say \"\"hi\"\"\",\"5\"\n"
                + "a@example.com,\"two\r\nlines\",3\nb@example.com,Tier_1,'=1\n");
        assertEquals(List.of(new Line(0, 2, List.of("Doe, Jane <jdoe@example.com>", "say \"hi\"", "5")),
                new Line(1, 3, List.of("a@example.com", "two\r\nlines", "3")),
                new Line(2, 5, List.of("b@example.com", "Tier_1", "=1"))), lines(rows));
    }

    @Test
    void blankLinesAreSkippedAndNotCountedButLineNumbersStayExact() throws IOException {
        List<RosterRecord> rows = read("\n  \nemail,skill,proficiency\n\na@example.com,Tier_1,5\n , ,\t\n,,\n"
                + "b@example.com,Tier_2,3");
        assertEquals(List.of(new Line(0, 5, List.of("a@example.com", "Tier_1", "5")),
                new Line(1, 8, List.of("b@example.com", "Tier_2", "3"))), lines(rows));
    }

    @Test
    void aFileWithOnlyBlankLinesHasNoHeader() {
        assertUnreadable("the file has no header line (it is empty or blank)", "\r\n , \n\n");
        assertUnreadable("the file has no header line (it is empty or blank)", "");
    }

    @Test
    void aHeaderWithoutTheRequiredColumnsIsRefusedWithItsLine() {
        assertUnreadable("line 2: the header [name, skill] lacks the column(s) email or agentId, proficiency;"
                + " expected e.g. email,skill,proficiency,active", "\nname,skill\na,b\n");
        assertUnreadable("line 1: the header [email;skill;proficiency] lacks the column(s) email or agentId, skill or"
                + " skillId, proficiency; expected e.g. email,skill,proficiency,active (it looks ;-separated, expected"
                + " commas)", "email;skill;proficiency\n");
        assertUnreadable("line 1: the header names column 'email' twice (columns 1 'email' and 3 'E-mail')",
                "email,skill,E-mail,proficiency\n");
    }

    @Test
    void anUnclosedQuoteIsRefusedWithTheLineItsRecordStartsOn() {
        assertUnreadable("line 3: a quoted field is never closed (unbalanced \" quote)",
                "email,skill,proficiency\na@example.com,Tier_1,5\nb@example.com,\"Tier_2,3\nc@example.com,Tier_1,5\n");
    }

    @Test
    void textAfterAClosingQuoteIsRefusedWithItsLine() {
        assertUnreadable("line 2: text follows a closing \" quote inside a field (unbalanced \" quote)",
                "email,skill,proficiency\na@example.com,\"Tier\"_1,5\n");
    }

    @Test
    void aFileThatIsNotUtf8TextIsRefused() {
        assertUnreadable("line 3: the file is not UTF-8 text (Latin-1 or Windows-1252?); export it as 'CSV UTF-8'",
                "email,skill,proficiency\na@example.com,Tier_1,5\nb@example.com,Caf", 0xE9, ",3\n");
        assertUnreadable("the file is UTF-16 text (it starts with a UTF-16 byte-order mark); export it as 'CSV UTF-8'",
                0xFF, 0xFE, "e\u0000m\u0000");
        assertUnreadable("the file holds NUL bytes: it is binary, or UTF-16 without a byte-order mark, not CSV text;"
                + " export it as 'CSV UTF-8'", "email,skill", 0, ",proficiency\n");
    }

    @Test
    void aFileOverALimitIsRefusedWhole() throws IOException {
        String roster = "email,skill,proficiency\na@example.com,Tier_1,5\nb@example.com,Tier_1,5\nc@example.com,Tier_1,5\n";
        assertEquals(3, read(roster).size());
        var rows = assertThrows(UnreadableRosterException.class, () -> read(reader(1000, 1000, 2), roster));
        assertEquals("line 4: more than 2 rows (skillsync.intake.max-rows): split the file", rows.getMessage());
        var size = assertThrows(UnreadableRosterException.class, () -> read(reader(roster.length() - 1, 1000, 10), roster));
        assertEquals("the file is 93 bytes, over skillsync.intake.max-file-size (92): split it", size.getMessage());
        String runaway = "a@example.com,\"Tier_1" + "\n".repeat(20) + "\",5\n";
        // the reader reads ahead 8 KiB: a runaway record near the top is met while the file is opened
        var early = assertThrows(UnreadableRosterException.class, () -> read(reader(1000, 30, 10), roster + runaway));
        assertEquals("cannot open the file: a record longer than 30 characters (skillsync.intake.max-record-length):"
                + " a runaway quoted field or a file that is not a roster", early.getMessage());
        // further down it is met mid-file, and named by the line the parser had reached when the read-ahead
        // failed (357), not by the line the runaway record starts on (405)
        var late = assertThrows(UnreadableRosterException.class,
                () -> read(reader(100_000, 30, 1000), roster + "b@example.com,Tier_1,5\n".repeat(400) + runaway));
        assertEquals("line 357: not valid CSV: a record longer than 30 characters (skillsync.intake.max-record-length):"
                + " a runaway quoted field or a file that is not a roster", late.getMessage());
    }

    @Test
    void aMissingFileIsRefusedNamingIt() {
        Path missing = dir.resolve("gone.csv");
        var e = assertThrows(UnreadableRosterException.class, () -> reader().rows(missing));
        assertEquals("cannot open the file: " + missing, e.getMessage());
    }

    record Line(int index, int line, List<String> cells) {
    }

    static List<Line> lines(List<RosterRecord> rows) {
        return rows.stream().map(r -> new Line(r.index(), r.line(), r.cells())).toList();
    }

    void assertUnreadable(String message, Object... content) {
        var e = assertThrows(UnreadableRosterException.class, () -> read(reader(), content));
        assertEquals(message, e.getMessage());
    }

    List<RosterRecord> read(String content) throws IOException {
        return read(reader(), content);
    }

    List<RosterRecord> read(RosterReader reader, Object... content) throws IOException {
        List<RosterRecord> all = new ArrayList<>();
        try (RosterReader.Rows rows = reader.rows(Files.write(dir.resolve("roster.csv"), bytes(content)))) {
            rows.forEachRemaining(all::add);
        }
        return all;
    }

    /** Text as UTF-8 and, between it, single raw bytes given as ints. */
    static byte[] bytes(Object... parts) {
        var out = new ByteArrayOutputStream();
        for (Object part : parts) {
            out.writeBytes(part instanceof Integer b ? new byte[] { b.byteValue() }
                    : ((String) part).getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    static RosterReader reader() {
        return reader(268435456L, 4194304, 2000000);
    }

    static RosterReader reader(long maxFileSize, int maxRecordLength, int maxRows) {
        return new RosterReader(TestConfig.of(Map.of("intake.maxFileSize", maxFileSize,
                "intake.maxRecordLength", maxRecordLength, "intake.maxRows", maxRows)));
    }
}
