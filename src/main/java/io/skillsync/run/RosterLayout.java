package io.skillsync.run;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import org.apache.camel.ExchangeProperty;

import io.skillsync.config.SkillSyncConfig;
import io.skillsync.cxone.TenantDirectory;
import io.skillsync.roster.Mappings;
import io.skillsync.roster.RosterColumns;
import io.skillsync.roster.RosterReader;
import io.skillsync.roster.UnreadableRosterException;
import io.skillsync.sync.SkillHints;

/**
 * Opens the run's file and reads its header as roster-format.md's "Layouts" says: a long file as it is; in a
 * matrix, every column whose header is one of the tenant's skills, or an HR name mappings/skills.csv maps, is a
 * skill column; the rest are ignored.
 * The run keeps what was decided ({@link RunColumns}), so the audit reads the file again alike, and the summary
 * lists the ignored columns with the names each may have meant. A matrix without a skill column is no roster.
 */
@ApplicationScoped
@Named("rosterLayout")
public class RosterLayout {

    /** The current unit's settings, read at each call. */
    private final SkillSyncConfig config;

    /** What a long file's misspelt header may have meant: the roster's own columns. */
    private static final List<String> ROSTER_COLUMNS = List.of(RosterColumns.EMAIL, RosterColumns.AGENT_ID,
            RosterColumns.SKILL, RosterColumns.SKILL_ID, RosterColumns.PROFICIENCY, RosterColumns.ACTIVE);

    private final RosterReader reader;
    private final TenantDirectory directory;

    RosterLayout(RosterReader reader, TenantDirectory directory, SkillSyncConfig config) {
        this.config = config;
        this.reader = reader;
        this.directory = directory;
    }

    /**
     * The run's rows, after HR's mappings are read (a malformed one stops the run: the file waits in the inbox
     * until it is put right, rather than run with HR's words misread).
     */
    public RosterReader.Rows rows(@ExchangeProperty(RunProperties.RUN) Run run) {
        run.mappings(Mappings.load(mappingsDir()));
        RosterReader.Rows rows = reader.rows(run.file());
        try {
            RosterColumns columns = rows.columns();
            SkillHints hints;
            if (columns.matrix()) {
                TenantDirectory.Skills skills = directory.skills(run.started());
                Map<Integer, String> skillColumns = new LinkedHashMap<>();
                for (int column : columns.others()) {
                    String header = columns.header().get(column).strip();
                    if (run.mappings().skills().maps(header) || isSkill(skills, header, run)) {
                        skillColumns.put(column, header);
                    }
                }
                rows.skillColumns(skillColumns);
                hints = SkillHints.among(directory.skills(run.started()).byName().keySet());
            } else {
                hints = SkillHints.among(ROSTER_COLUMNS);
            }
            Map<String, List<String>> near = new LinkedHashMap<>();
            for (String ignored : rows.columns().ignored()) {
                List<String> names = hints.nearest(ignored);
                if (!names.isEmpty()) {
                    near.put(ignored, names);
                }
            }
            run.columns(new RunColumns(rows.columns(), near));
            if (columns.matrix() && rows.columns().skillColumns().isEmpty()) {
                throw new UnreadableRosterException("the header " + columns.header() + " has an agent column but no skill"
                        + " or skillId column, and none of its other columns is a skill in CXone"
                        + near.entrySet().stream().map(e -> "; '" + e.getKey() + "'" + SkillHints.hint(e.getValue()))
                                .reduce("", String::concat)
                        + ": a roster is either long (email,skill,proficiency,active) or a matrix (email, then a column"
                        + " per skill named as in CXone)");
            }
            return rows;
        } catch (RuntimeException e) {
            rows.close();
            throw e;
        }
    }

    /** A header the tenant knows as a skill, now or once its skills are read again (one added today). */
    private boolean isSkill(TenantDirectory.Skills skills, String header, Run run) {
        return !(skills.meant(header) instanceof TenantDirectory.Meant.None)
                || !(directory.skillsNewerThan(run.started()).meant(header) instanceof TenantDirectory.Meant.None);
    }

    private Path mappingsDir() {
        return Path.of(config.workDir(), Mappings.DIRECTORY);
    }
}
