package io.skillsync.config;

import java.util.Optional;

/** skillsync.roster.*: how HR's files are read (roster-format.md). */
public interface RosterSettings {

    /** The sheet of an .xlsx roster to read, by name; unset: the workbook's first sheet. */
    Optional<String> sheet();
}
