package io.skillsync.roster;

import java.nio.file.Path;
import java.util.Objects;

/**
 * HR's words for skills and levels, read from {@code <work-dir>/mappings/} at the start of each run (see
 * roster-format.md, "Mappings"). Both files are optional: one absent maps nothing, and its sha256 is null.
 * The sha256 of each file read is its bytes' lowercase hex, for the run's summary to record.
 *
 * @param skills HR's names and codes for skills (mappings/skills.csv)
 * @param levels HR's levels (mappings/levels.csv)
 * @param skillsSha256 the sha256 of mappings/skills.csv as read, or null when there is none
 * @param levelsSha256 the sha256 of mappings/levels.csv as read, or null when there is none
 */
public record Mappings(SkillMapping skills, LevelMapping levels, String skillsSha256, String levelsSha256) {

    /** The folder under the work dir that holds the files. */
    public static final String DIRECTORY = "mappings";
    public static final String SKILLS_FILE = "skills.csv";
    public static final String LEVELS_FILE = "levels.csv";

    public Mappings {
        Objects.requireNonNull(skills, "skills");
        Objects.requireNonNull(levels, "levels");
    }

    /** No mapping files: every name and level is taken as written. */
    public static Mappings none() {
        return new Mappings(SkillMapping.EMPTY, LevelMapping.EMPTY, null, null);
    }

    /**
     * Reads {@code mappingsDir}/skills.csv and levels.csv, either or both of which may be absent (as may the
     * folder itself).
     *
     * @throws MappingException naming the file and line when either is malformed: the run is to stop
     */
    public static Mappings load(Path mappingsDir) {
        String skillsName = DIRECTORY + "/" + SKILLS_FILE;
        String levelsName = DIRECTORY + "/" + LEVELS_FILE;
        var skillsFile = MappingFile.read(mappingsDir.resolve(SKILLS_FILE), skillsName, SkillMapping.COLUMNS, 2);
        var levelsFile = MappingFile.read(mappingsDir.resolve(LEVELS_FILE), levelsName, LevelMapping.COLUMNS, 2);
        return new Mappings(
                skillsFile == null ? SkillMapping.EMPTY : SkillMapping.of(skillsFile.lines(), skillsName),
                levelsFile == null ? LevelMapping.EMPTY : LevelMapping.of(levelsFile.lines(), levelsName),
                skillsFile == null ? null : skillsFile.sha256(),
                levelsFile == null ? null : levelsFile.sha256());
    }

    /** Whether neither file maps anything (absent, or holding a header alone). */
    public boolean isEmpty() {
        return skills.isEmpty() && levels.isEmpty();
    }
}
