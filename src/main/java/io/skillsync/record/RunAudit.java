package io.skillsync.record;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import io.skillsync.roster.Mappings;
import io.skillsync.roster.RosterReader;
import io.skillsync.roster.RosterRecord;
import io.skillsync.roster.SpreadsheetCells;
import io.skillsync.sync.AbsentRow;
import io.skillsync.sync.Outcome;
import io.skillsync.sync.Row;

/**
 * A run's {@code audit/<date>/<runId>.audit.csv}: one line per input row, read again from the run's copy of
 * the file, with its outcome; the error file (when asked) is written in the same pass.
 */
public final class RunAudit {

    /** The audit's columns, for every writer of an audit (a run's, one rebuilt from a journal). */
    public static final List<String> COLUMNS = List.of("line", "email", "agentId", "skill", "skillId",
            "resolvedAgentId", "resolvedSkillId", "proficiency", "active", "previousProficiency", "previousActive",
            "outcome", "detail", "batch", "httpStatus", "requestId", "cxoneRequestId", "traceId", "mapping", "source",
            "drift");
    /** The source of a row read from the file. */
    public static final String FILE = "file";
    /** The source of a row a full roster left out: an assignment CXone held that no line names. */
    public static final String ABSENT = "absent";

    private final RosterReader reader;

    public RunAudit(RosterReader reader) {
        this.reader = reader;
    }

    /** The audit to {@code out}; with {@code errors} not null, the error file too (on disk before the audit is). */
    public void write(String runId, Path file, Map<Integer, String> skillColumns, Mappings mappings, List<Row> rows,
            Writer out, Path errors, ScheduledFiles scheduled)
            throws IOException {
        RowsFile errorFile = errors == null ? null : new RowsFile(errors, true);
        try (RosterReader.Rows records = reader.rows(file, skillColumns);
                CSVPrinter auditOut = new CSVPrinter(out, CSVFormat.RFC4180)) {
            auditOut.printRecord(COLUMNS);
            int columnCount = records.columns().header().size();
            int errorColumn = records.columns().error();
            if (errorFile != null) {
                errorFile.open(records.columns().header(), columnCount, errorColumn);
            }
            scheduled.header(records.columns().header(), columnCount, errorColumn);
            for (Row row : rows) {
                if (row instanceof AbsentRow absent) {
                    // no line of the file behind it (a full roster's rows come after the file's); an error file
                    // cannot rerun it: the full roster's next run weighs it again
                    auditOut.printRecord(safe(absentLine(absent)));
                    continue;
                }
                RosterRecord record = records.hasNext() ? records.next() : null;
                if (record == null || record.line() != row.line() || record.column() != row.column()) {
                    throw new IllegalStateException("run " + runId + ": " + file.getFileName()
                            + " changed while it was processed (line " + row.line() + " not found again)");
                }
                auditOut.printRecord(safe(auditLine(row, record, mappings)));
                if (errorFile != null && row.outcome().needsAttention()) {
                    errorFile.add(record, row.detail());
                }
                if (row.outcome() == Outcome.SCHEDULED) {
                    scheduled.later(record);
                } else if (row.outcome() == Outcome.APPLIED && record.until() != null && !record.until().isBlank()) {
                    scheduled.restore(row, record);
                }
            }
        } finally {
            scheduled.close();
            if (errorFile != null) {
                errorFile.close();
            }
        }
        if (errorFile != null) {
            errorFile.commit();
        }
    }

    private static List<Object> auditLine(Row row, RosterRecord record, Mappings mappings) {
        var columns = record.columns();
        boolean resolved = row.agentId() != 0;
        return List.of(row.line(), cell(record, columns.email()), cell(record, columns.agentId()),
                orBlank(record.skill()), cell(record, columns.skillId()),
                resolved ? row.agentId() : "", resolved ? row.skillId() : "",
                resolved ? level(row.targetProficiency()) : orBlank(record.proficiency()),
                resolved ? row.active() : orBlank(record.active()),
                level(row.previousProficiency()), row.previousActive() == Row.NONE ? "" : row.previousActive() == 1,
                row.outcome().label(), row.detail(), row.batch() == 0 ? "" : row.batch(),
                row.httpStatus() == 0 ? "" : row.httpStatus(), row.requestId() == null ? "" : row.requestId(),
                row.cxoneRequestId() == null ? "" : row.cxoneRequestId(), row.traceId() == null ? "" : row.traceId(),
                mapped(record, mappings), FILE, orBlank(row.drift()));
    }

    private static List<Object> absentLine(AbsentRow row) {
        // an unassignment asks for no proficiency and no flag: the assignment is to be gone
        return List.of("", row.email() == null ? "" : row.email(), "", row.skill(), "", row.agentId(), row.skillId(),
                row.removes() ? "" : level(row.targetProficiency()), row.removes() ? "" : row.active(),
                level(row.previousProficiency()), row.previousActive() == 1,
                row.outcome().label(), row.detail(), row.batch() == 0 ? "" : row.batch(),
                row.httpStatus() == 0 ? "" : row.httpStatus(), row.requestId() == null ? "" : row.requestId(),
                row.cxoneRequestId() == null ? "" : row.cxoneRequestId(), row.traceId() == null ? "" : row.traceId(), "",
                ABSENT, orBlank(row.drift()));
    }

    /** Which mapping lines the row's skill and level went through ("skills.csv line 3; levels.csv line 2"), or "". */
    private static String mapped(RosterRecord record, Mappings mappings) {
        List<String> used = new ArrayList<>(2);
        String locale = record.cell(record.columns().locale());
        mappings.skills().matchFor(record.skill(), locale).ifPresent(m -> used.add(Mappings.SKILLS_FILE + " line " + m.line()));
        String level = record.proficiency();
        if (level != null && !level.isBlank()) {
            mappings.levels().levelFor(level).ifPresent(l -> used.add(Mappings.LEVELS_FILE + " line " + l.line()));
        }
        return String.join("; ", used);
    }

    static List<Object> safe(List<?> cells) {
        return cells.stream().map(c -> (Object) (c instanceof String s ? SpreadsheetCells.neutralise(s) : c)).toList();
    }

    private static String cell(RosterRecord record, int column) {
        return orBlank(record.cell(column));
    }

    private static String orBlank(String value) {
        return value == null ? "" : value;
    }

    private static Object level(int proficiency) {
        return proficiency == Row.NONE ? "" : proficiency;
    }
}
