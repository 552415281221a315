package io.skillsync.console;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.skillsync.config.SkillSyncConfig;
import io.skillsync.record.ReleaseBook;
import io.skillsync.roster.MappingException;
import io.skillsync.roster.Mappings;

/**
 * HR's mapping files (mappings/skills.csv and levels.csv) as the next run will read them: read afresh on each
 * page view, as a run reads them at its start, so that what the page says is what a run would do. A malformed
 * file stops every run until it is put right; the page says so, with the file and line the run would name.
 */
@ApplicationScoped
public class MappingsPanel {

    /** The current unit's settings, read at each call. */
    private final SkillSyncConfig config;

    /** As many hex digits of a sum as an operator compares by eye with the run's summary. */
    static final int SHORT_SHA = 12;
    /** Larger than this, a mapping file is refused by the run anyway (MappingFile): its sum is not taken here either. */
    private static final long MOST_BYTES = 1 << 20;

    /**
     * One mapping file: whether it is there, the start of its sha256, what it maps ({@code maps}), or why the
     * runs are stopped by it ({@code error}).
     */
    public record MappingState(String file, boolean present, String sha256, String maps, String error) {
    }


    MappingsPanel(SkillSyncConfig config) {
        this.config = config;
    }

    /** skills.csv, then levels.csv. */
    public List<MappingState> all() {
        String skillsName = Mappings.DIRECTORY + "/" + Mappings.SKILLS_FILE;
        String levelsName = Mappings.DIRECTORY + "/" + Mappings.LEVELS_FILE;
        Path skills = folder().resolve(Mappings.SKILLS_FILE);
        Path levels = folder().resolve(Mappings.LEVELS_FILE);
        List<MappingState> states = new ArrayList<>();
        try {
            Mappings read = Mappings.load(folder());
            states.add(new MappingState(skillsName, read.skillsSha256() != null, shortSha(read.skillsSha256()),
                    read.skills().size() + " names mapped", null));
            states.add(new MappingState(levelsName, read.levelsSha256() != null, shortSha(read.levelsSha256()),
                    read.levels().isEmpty() ? "no levels mapped" : "levels mapped: " + read.levels().described(), null));
        } catch (MappingException e) {
            // the message begins with the file at fault (mappings/levels.csv line 3: ...); the other one is only shown
            String message = e.getMessage();
            boolean levelsAtFault = message.startsWith(levelsName);
            boolean skillsAtFault = !levelsAtFault;
            states.add(unread(skillsName, skills, skillsAtFault ? message : null));
            states.add(unread(levelsName, levels, levelsAtFault ? message : null));
        }
        return states;
    }

    /** Whether any file stops the runs. */
    public static boolean stopsRuns(List<MappingState> states) {
        return states.stream().anyMatch(state -> state.error() != null);
    }

    private static MappingState unread(String name, Path file, String error) {
        if (!Files.isRegularFile(file)) {
            return new MappingState(name, false, null, null, error);
        }
        String sha = null;
        try {
            if (Files.size(file) <= MOST_BYTES) {
                sha = shortSha(ReleaseBook.sha256(file));
            }
        } catch (IOException e) {
            // the run's own message (cannot be read) says why; the sum is merely left out
            sha = null;
        }
        return new MappingState(name, true, sha, error == null ? "not read: the other file stops the runs" : null, error);
    }

    private static String shortSha(String sha256) {
        return sha256 == null ? null : sha256.substring(0, SHORT_SHA);
    }

    private Path folder() {
        return Path.of(config.workDir()).resolve(Mappings.DIRECTORY);
    }
}
