package io.skillsync.house;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The house's rules, read from the compiled classes and the sources (docs/inside.md, "Inside: packages, one way"):
 * dependencies between packages run one way, the domain stays pure, and no class does many jobs.
 */
class HouseRulesTest {

    /** About a screen and a half of code: over it, a class has more than one job (the simulator stands apart). */
    static final int MOST_LINES = 200;

    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.skillsync");
    }

    @Test
    void noPackageCycle() {
        slices().matching("io.skillsync.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void theDomainAndTheRosterKnowNoCamelAndNoIo() {
        noClasses().that().resideInAnyPackage("io.skillsync.sync..", "io.skillsync.roster..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.camel..", "io.skillsync.run..",
                        "io.skillsync.cxone..", "io.skillsync.intake..")
                .check(classes);
        noClasses().that().resideInAPackage("io.skillsync.sync..")
                .should().dependOnClassesThat().resideInAnyPackage("java.nio.file..", "java.io..", "java.net..")
                .check(classes);
    }

    @Test
    void theRecordKnowsNoCamelAndNothingAboveIt() {
        noClasses().that().resideInAPackage("io.skillsync.record..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.camel..", "io.skillsync.run..",
                        "io.skillsync.intake..", "io.skillsync.console..", "io.skillsync.results..", "io.skillsync.health..")
                .check(classes);
    }

    @Test
    void whatTakesFilesKnowsNothingOfARun() {
        // the window and the pause are the intake's; a run asks them (WriteGate), never the other way round
        noClasses().that().resideInAPackage("io.skillsync.intake..")
                .should().dependOnClassesThat().resideInAnyPackage("io.skillsync.run..", "io.skillsync.console..",
                        "io.skillsync.results..", "io.skillsync.health..")
                .check(classes);
    }

    @Test
    void theAdapterToCxoneKnowsNothingOfRunsOrIntake() {
        noClasses().that().resideInAPackage("io.skillsync.cxone..")
                .should().dependOnClassesThat().resideInAnyPackage("io.skillsync.run..", "io.skillsync.intake..",
                        "io.skillsync.console..", "io.skillsync.results..")
                .check(classes);
    }

    @Test
    void noClassOutsideTheSimulatorIsOverTwoHundredLines() throws IOException {
        Path main = Path.of("src/main/java/io/skillsync");
        try (Stream<Path> files = Files.walk(main)) {
            List<String> over = files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> !f.startsWith(main.resolve("simulator")))
                    .filter(f -> codeLines(f) > MOST_LINES)
                    .map(f -> main.relativize(f) + " (" + codeLines(f) + " lines of code)")
                    .sorted().toList();
            assertEquals(List.of(), over);
        }
    }

    /** The fast lane (pom profile {@code fast}) runs these packages' tests: none may boot Quarkus. */
    static final List<String> PLAIN = List.of("sync", "roster", "record", "run", "cxone", "probe", "results", "house", "config");

    @Test
    void theFastLaneHoldsNoQuarkusTest() throws IOException {
        Path tests = Path.of("src/test/java/io/skillsync");
        List<String> booting = new ArrayList<>();
        for (String lane : PLAIN) {
            try (Stream<Path> files = Files.walk(tests.resolve(lane))) {
                for (Path f : files.filter(f -> f.toString().endsWith("Test.java")).toList()) {
                    if (Pattern.compile("(?m)^@QuarkusTest\\b").matcher(Files.readString(f)).find()) {
                        booting.add(tests.relativize(f).toString());
                    }
                }
            }
        }
        assertEquals(List.of(), booting, "a @QuarkusTest belongs with the stories (io.skillsync) or its own package");
    }

    /**
     * A setting that names a mode is an enum of io.skillsync.config (issue 26), compared with {@code ==} or a switch:
     * {@code grant().equals("password")} still compiles after a setting became an enum, and is never true.
     */
    @Test
    void aSettingsModeIsComparedAsAnEnum() {
        DescribedPredicate<JavaMethodCall> equalsOnASetting = DescribedPredicate.describe("equals on an enum of io.skillsync.config",
                call -> call.getName().equals("equals") && call.getTargetOwner().isEnum()
                        && call.getTargetOwner().getPackageName().equals("io.skillsync.config"));
        noClasses().should().callMethodWhere(equalsOnASetting).check(classes);
    }

    /** The record's file names (record/RunRecords, AtomicFiles, RunJournal): spelled there once, nowhere else. */
    static final Pattern RECORD_NAME = Pattern
            .compile("\"[^\"]*\\.(audit\\.csv|summary\\.json|errors\\.csv|undo\\.csv|reason\\.txt|jsonl|part)\"");

    @Test
    void theRecordsFileNamesAreSpelledOnlyInRecord() throws IOException {
        Path main = Path.of("src/main/java/io/skillsync");
        List<String> spelled = new ArrayList<>();
        try (Stream<Path> files = Files.walk(main)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> !f.startsWith(main.resolve("record")) && !f.startsWith(main.resolve("simulator"))).toList()) {
                var found = RECORD_NAME.matcher(Files.readString(f));
                while (found.find()) {
                    spelled.add(main.relativize(f) + ": " + found.group());
                }
            }
        }
        assertEquals(List.of(), spelled, "name the record's files through io.skillsync.record (RunRecords, AtomicFiles)");
    }

    /** Lines of code: comments (a class's Javadoc says why; it should not count against its size) and blanks left out. */
    static long codeLines(Path file) {
        try {
            String code = Files.readString(file).replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("(?m)^\\s*//.*$", "");
            return code.lines().filter(line -> !line.isBlank()).count();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
