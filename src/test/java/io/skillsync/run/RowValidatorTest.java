package io.skillsync.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.skillsync.roster.Mappings;
import io.skillsync.roster.RosterColumns;
import io.skillsync.roster.RosterRecord;
import io.skillsync.support.TestConfig;
import io.skillsync.sync.Outcome;

/** One row against roster-format.md, HR's mappings and the tenant's scale: plain JUnit. */
class RowValidatorTest {

    @TempDir
    Path dir;

    final RowValidator validator = new RowValidator(TestConfig.of(Map.of("proficiency.min", 1, "proficiency.max", 10)));

    /** Before: a level mapped to 15 went to a tenant whose scale ends at 10 (levels.csv allows 1..20). */
    @Test
    void aMappedLevelOutsideTheTenantsScaleIsRejectedNamingTheMappingLine() throws IOException {
        Run run = run(Files.writeString(dir.resolve("levels.csv"), "hr,proficiency\nexpert,1\nnovice,15\n"));
        RowRequest novice = validator.validate(row("a@example.com", "Tier_1_Support", "novice"), run);
        assertEquals(Outcome.REJECTED, novice.row().outcome());
        assertTrue(novice.row().detail().contains("'novice' maps to proficiency 15 (mappings/levels.csv line 3), outside 1..10"),
                novice.row().detail());
        RowRequest expert = validator.validate(row("a@example.com", "Tier_1_Support", "expert"), run);
        assertTrue(expert.row().open());
        assertEquals(1, expert.row().proficiency());
    }

    @Test
    void aMatrixCellSaysOffAndTheLevelIsKept() throws IOException {
        Run run = run(null);
        RosterColumns columns = RosterColumns.of(List.of("email", "Tier_1_Support")).withSkillColumns(Map.of(1, "Tier_1_Support"));
        RowRequest off = validator.validate(new RosterRecord(0, 2, List.of("a@example.com", "Off"), columns, 1), run);
        assertTrue(off.row().open());
        assertEquals(false, off.row().active());
        assertEquals(-1, off.row().proficiency());
        assertEquals("line 2, Tier_1_Support", off.place());
    }

    private Run run(Path levels) throws IOException {
        Run run = new Run("r1", dir.resolve("x.csv"), false, Instant.now(), null);
        run.mappings(levels == null ? Mappings.none() : Mappings.load(levels.getParent()));
        return run;
    }

    private static RosterRecord row(String email, String skill, String level) {
        return new RosterRecord(0, 2, List.of(email, skill, level), RosterColumns.of(List.of("email", "skill", "proficiency")));
    }
}
