package io.skillsync.roster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** HR's words for skills and levels, read from real files as a run reads them (roster-format.md, "Mappings"). */
class MappingsTest {

    @TempDir
    Path dir;

    @Test
    void absentFilesMapNothing() {
        Mappings none = Mappings.load(dir.resolve("no-such-folder"));
        assertTrue(none.isEmpty());
        assertNull(none.skillsSha256());
        assertNull(none.levelsSha256());
        assertEquals(Optional.empty(), none.skills().skillFor("Payments", null));
        assertEquals(Optional.empty(), none.levels().levelFor("expert"));
        assertEquals("", none.levels().described());
    }

    @Test
    void oneFileWithoutTheOther() throws IOException {
        write("levels.csv", "hr,proficiency\nexpert,1\n");
        Mappings mappings = Mappings.load(dir);
        assertTrue(mappings.skills().isEmpty());
        assertNull(mappings.skillsSha256());
        assertEquals(64, mappings.levelsSha256().length());
    }

    @Test
    void skillsMapHrNamesIgnoringCaseAndBlanks() throws IOException {
        write("skills.csv", "\uFEFF HR , Skill\r\nPAY-01,Payment_Processing\r\n\r\n\"Billing, general\",Billing\r\n");
        SkillMapping skills = Mappings.load(dir).skills();
        assertEquals(Optional.of("Payment_Processing"), skills.skillFor("pay-01", null));
        assertEquals(Optional.of("Payment_Processing"), skills.skillFor("  Pay-01 ", "en-us"));
        assertEquals(Optional.of(new SkillMapping.Match("Billing", 4)), skills.matchFor("billing, GENERAL", ""));
        assertEquals(Optional.empty(), skills.skillFor("Payment_Processing", null), "a CXone name is not an HR name");
        assertEquals(2, skills.size());
    }

    @Test
    void aLocaleLineWinsOverAGeneralOneForItsLocaleOnly() throws IOException {
        write("skills.csv", """
                hr,skill,locale
                Payments,Payment_Processing_DE,de-de
                Payments,Payment_Processing,
                Payments,Pagos,es-ES
                Refunds,Refunds_FR,fr-fr
                """);
        SkillMapping skills = Mappings.load(dir).skills();
        assertEquals(Optional.of(new SkillMapping.Match("Payment_Processing_DE", 2)), skills.matchFor("payments", "DE-de"));
        assertEquals(Optional.of(new SkillMapping.Match("Pagos", 4)), skills.matchFor("Payments", " es-es "));
        assertEquals(Optional.of(new SkillMapping.Match("Payment_Processing", 3)), skills.matchFor("Payments", "en-gb"));
        assertEquals(Optional.of("Payment_Processing"), skills.skillFor("Payments", null));
        assertEquals(Optional.of("Refunds_FR"), skills.skillFor("Refunds", "fr-FR"));
        assertEquals(Optional.empty(), skills.skillFor("Refunds", "de-de"), "a locale's line reaches no other locale");
        assertEquals(Optional.empty(), skills.skillFor("Refunds", null));
    }

    @Test
    void theSameLineTwiceIsHarmless() throws IOException {
        write("skills.csv", "hr,skill\nPayments,Payment_Processing\npayments,Payment_Processing\n");
        assertEquals(Optional.of(new SkillMapping.Match("Payment_Processing", 2)),
                Mappings.load(dir).skills().matchFor("Payments", null));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            hr,skill\\nPayments,A\\nPAYMENTS,B         | mappings/skills.csv line 3: 'PAYMENTS' maps to 'B' here but to 'A' on line 2
            hr,skill,locale\\nP,A,de-de\\nP,A\\nP,B,DE-DE | mappings/skills.csv line 4: 'P' for locale 'DE-DE' maps to 'B' here but to 'A' on line 2
            hr,skill\\n ,A                             | mappings/skills.csv line 2: the hr cell is blank (each line maps an HR name or code to a skill)
            hr,skill\\nPayments,                       | mappings/skills.csv line 2: no skill for 'Payments'
            hr,skil\\nPayments,A                       | mappings/skills.csv line 1: the header names an unknown column 'skil'; expected hr,skill and optionally locale
            hr,skill,locael\\nPayments,A,de-de         | mappings/skills.csv line 1: the header names an unknown column 'locael'; expected hr,skill and optionally locale
            hr,Skill,skill\\nPayments,A,B              | mappings/skills.csv line 1: the header names column 'skill' twice; expected hr,skill and optionally locale
            hr\\nPayments                              | mappings/skills.csv line 1: the header [hr] lacks the column 'skill'; expected hr,skill and optionally locale
            hr,skill\\nBilling,general,Billing         | mappings/skills.csv line 2: a value in column 3, which the header does not name (a comma inside a name needs the name in "quotes")
            hr,skill\\n\\n"Pay,A                       | mappings/skills.csv line 3: a quoted field is never closed (unbalanced " quote)
            """)
    void aMalformedSkillsFileNamesTheLine(String content, String message) throws IOException {
        write("skills.csv", content.replace("\\n", "\n"));
        assertEquals(message, assertThrows(MappingException.class, () -> Mappings.load(dir)).getMessage());
    }

    @Test
    void aTrailingEmptyColumnNamesNothing() throws IOException {
        write("skills.csv", "hr,skill,\nPayments,A,\n");
        assertEquals(Optional.of("A"), Mappings.load(dir).skills().skillFor("Payments", null));
    }

    @Test
    void levelsMapWordsIgnoringCaseAndRangesWithTheirBounds() throws IOException {
        write("levels.csv", """
                hr,proficiency
                Expert,1
                intermediate,10
                NOVICE,20
                Leaver,OFF
                90..100,1
                50 .. 89.5,5
                0..49,off
                200,12
                """);
        LevelMapping levels = Mappings.load(dir).levels();
        assertEquals(Optional.of(new LevelMapping.Level(1, 2)), levels.levelFor("expert"));
        assertEquals(Optional.of(new LevelMapping.Level(1, 2)), levels.levelFor(" EXPERT "));
        assertEquals(Optional.of(new LevelMapping.Level(20, 4)), levels.levelFor("novice"));
        assertTrue(levels.levelFor("leaver").orElseThrow().off());
        assertEquals(Optional.of(new LevelMapping.Level(1, 6)), levels.levelFor("90"), "a lower bound is in its range");
        assertEquals(Optional.of(new LevelMapping.Level(1, 6)), levels.levelFor("100"), "an upper bound is in its range");
        assertEquals(Optional.of(new LevelMapping.Level(1, 6)), levels.levelFor("92.5"));
        assertEquals(Optional.of(new LevelMapping.Level(5, 7)), levels.levelFor("89.5"), "a decimal bound");
        assertEquals(Optional.empty(), levels.levelFor("89.75"), "between two ranges");
        assertEquals(Optional.empty(), levels.levelFor("100.5"));
        assertEquals(Optional.empty(), levels.levelFor("-1"));
        assertEquals(new LevelMapping.Level(null, 8), levels.levelFor("5").orElseThrow(), "5 is a score, not proficiency 5");
        assertEquals(Optional.of(new LevelMapping.Level(12, 9)), levels.levelFor("200.0"), "a single number is a range");
        assertEquals(Optional.empty(), levels.levelFor("great"));
        assertEquals(Optional.empty(), levels.levelFor(""));
        assertEquals(Optional.empty(), levels.levelFor(null));
        assertTrue(levels.mapsNumbers());
        assertEquals("Expert, intermediate, NOVICE, Leaver, 0..49, 50..89.5, 90..100, 200", levels.described());
    }

    @Test
    void wordsAloneLeaveNumbersToBeReadAsProficiencies() throws IOException {
        write("levels.csv", "hr,proficiency\nexpert,1\nintermediate,10\nnovice,20\n");
        LevelMapping levels = Mappings.load(dir).levels();
        assertEquals(Optional.empty(), levels.levelFor("5"));
        assertEquals(false, levels.mapsNumbers());
        assertEquals("expert, intermediate, novice", levels.described());
    }

    @Test
    void aLongListIsCounted() throws IOException {
        StringBuilder file = new StringBuilder("hr,proficiency\n");
        for (int i = 1; i <= 20; i++) {
            file.append("level ").append(i).append(',').append(i).append('\n');
        }
        write("levels.csv", file.toString());
        assertTrue(Mappings.load(dir).levels().described().endsWith(", level 12 and 8 more"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            hr,proficiency\\nexpert,1\\nnovice,20\\nguru,25         | mappings/levels.csv line 4: the proficiency '25' is outside 1..20 (or 'off')
            hr,proficiency\\nexpert,0                             | mappings/levels.csv line 2: the proficiency '0' is outside 1..20 (or 'off')
            hr,proficiency\\nexpert,high                          | mappings/levels.csv line 2: the proficiency 'high' is not a number 1..20 nor 'off'
            hr,proficiency\\nexpert,1.5                           | mappings/levels.csv line 2: the proficiency '1.5' is not a number 1..20 nor 'off'
            hr,proficiency\\nexpert,                              | mappings/levels.csv line 2: no proficiency for 'expert' (a number 1..20 or 'off')
            hr,proficiency\\n,5                                   | mappings/levels.csv line 2: the hr cell is blank (each line maps an HR level to a proficiency)
            hr,proficiency\\nExpert,1\\nexpert,2                  | mappings/levels.csv line 3: the level 'expert' is mapped already on line 2
            hr,proficiency\\n100..90,1                            | mappings/levels.csv line 2: the range 100..90 runs backwards (write the smaller bound first: 90..100)
            hr,proficiency\\n0..50,10\\n90..100,1\\n50..60,5      | mappings/levels.csv line 4: the range 50..60 overlaps 0..50 on line 2 (bounds are included in a range)
            hr,proficiency\\n60..70,10\\n10..60.5,5               | mappings/levels.csv line 3: the range 10..60.5 overlaps 60..70 on line 2 (bounds are included in a range)
            hr,proficiency\\n0..100,10\\n42,5                     | mappings/levels.csv line 3: the range 42 overlaps 0..100 on line 2 (bounds are included in a range)
            hr,proficiency\\n90-100,1                             | mappings/levels.csv line 2: write the range '90-100' as a..b (e.g. 90..100)
            hr,proficiency\\n90..top,1                            | mappings/levels.csv line 2: '90..top' is not a range of numbers a..b (e.g. 90..100)
            hr,level\\nexpert,1                                   | mappings/levels.csv line 1: the header names an unknown column 'level'; expected hr,proficiency
            """)
    void aMalformedLevelsFileNamesTheLine(String content, String message) throws IOException {
        write("levels.csv", content.replace("\\n", "\n"));
        assertEquals(message, assertThrows(MappingException.class, () -> Mappings.load(dir)).getMessage());
    }

    @Test
    void theSha256IsThatOfTheFileAsSha256sumComputesIt() throws Exception {
        Path file = write("skills.csv", "hr,skill\nPayments,Payment_Processing\n");
        Process sum = new ProcessBuilder("sha256sum", file.toString()).redirectErrorStream(true).start();
        String expected = new String(sum.getInputStream().readAllBytes(), StandardCharsets.UTF_8).split(" ")[0];
        assertEquals(0, sum.waitFor());
        assertEquals("d2e35d541864564278cc2784e0a17e1839efbdfe536ffb219119345df81080d6", expected);
        assertEquals(expected, Mappings.load(dir).skillsSha256());
    }

    @Test
    void anEmptyFileMapsNothingButIsRecorded() throws IOException {
        write("levels.csv", "");
        Mappings mappings = Mappings.load(dir);
        assertTrue(mappings.levels().isEmpty());
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", mappings.levelsSha256());
    }

    @Test
    void aFileOverOneMegabyteIsRefused() throws IOException {
        write("skills.csv", "hr,skill\n" + "Payments,Payment_Processing\n".repeat(40_000));
        assertEquals("mappings/skills.csv: the file is over 1048576 bytes (1 MB), more than a mapping holds: is it the right file?",
                assertThrows(MappingException.class, () -> Mappings.load(dir)).getMessage());
    }

    @Test
    void bytesThatAreNotUtf8AreNamedByTheirLine() throws IOException {
        Files.write(dir.resolve("skills.csv"), "hr,skill\nPayments,A\nZahlungsverkehr f\u00fcr,B\n"
                .getBytes(StandardCharsets.ISO_8859_1));
        assertEquals("mappings/skills.csv line 3: the file is not UTF-8 text (Latin-1 or Windows-1252?); save it as 'CSV UTF-8'",
                assertThrows(MappingException.class, () -> Mappings.load(dir)).getMessage());
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }
}
