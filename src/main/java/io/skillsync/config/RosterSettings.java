package io.skillsync.config;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.WithDefault;

/** skillsync.roster.*: how HR's files are read (roster-format.md). */
public interface RosterSettings {

    /** The sheet of an .xlsx roster to read, by name; unset: the workbook's first sheet. */
    Optional<String> sheet();

    /** The zone of an {@code effective} or {@code until} date without a time; unset: the service's own zone. */
    Optional<String> zone();

    /** {@link #zone()} as the roster's dates read it. */
    default ZoneId zoneId() {
        return zone().map(ZoneId::of).orElse(ZoneId.systemDefault());
    }

    /** How often scheduled/ is looked at for files whose time has come. */
    @WithDefault("60s")
    Duration scheduledCheck();

    /** At most this many different times in one file: each is a file of its own under scheduled/. */
    @WithDefault("100")
    int mostScheduledTimes();

    /**
     * Files that are the whole truth for their skills besides those named {@code <name>.full.csv} or
     * {@code .full.xlsx}: a glob on the file's name (such as {@code nightly-*.csv}), for exports whose name HR
     * cannot change.
     */
    Optional<String> fullFiles();

    /** Skills a full roster answers for even when it names none of their agents (names, as CXone spells them). */
    Optional<List<String>> ownedSkills();

    /**
     * What becomes of an assignment a full roster leaves out: {@code deactivate} (kept, switched off: the undo
     * roster switches it on again) or {@code delete} (unassigned with NICE's DELETE).
     */
    @WithDefault("deactivate")
    String fullRemoval();

    /**
     * Which assignments a full roster may remove: {@code all} it leaves out, or only {@code ours}, those SkillSync
     * itself set active (another integration's or an admin's assignments stand).
     */
    @WithDefault("all")
    FullRemovalScope fullRemovalScope();

    /** {@link #fullRemovalScope()}'s values. */
    enum FullRemovalScope {
        ALL, OURS
    }
}
