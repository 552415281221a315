package io.skillsync.record;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import io.skillsync.roster.RosterReader;
import io.skillsync.roster.RosterRecord;
import io.skillsync.roster.SpreadsheetCells;
import io.skillsync.sync.Row;

/**
 * A run's {@code audit/<date>/<runId>.audit.csv}: one line per input row, read again from the run's copy of
 * the file, with its outcome; the error file (when asked) is written in the same pass.
 */
public final class RunAudit {

    /** The audit's columns, for every writer of an audit (a run's, one rebuilt from a journal). */
    public static final List<String> COLUMNS = List.of("line", "email", "agentId", "skill", "skillId",
            "resolvedAgentId", "resolvedSkillId", "proficiency", "active", "previousProficiency", "previousActive",
            "outcome", "detail", "batch", "httpStatus", "requestId", "cxoneRequestId", "traceId");

    private final RosterReader reader;

    public RunAudit(RosterReader reader) {
        this.reader = reader;
    }

    /** The audit to {@code out}; with {@code errors} not null, the error file too (on disk before the audit is). */
    public void write(String runId, Path file, Map<Integer, String> skillColumns, List<Row> rows, Writer out, Path errors)
            throws IOException {
        ErrorFile errorFile = errors == null ? null : new ErrorFile(errors);
        try (RosterReader.Rows records = reader.rows(file, skillColumns);
                CSVPrinter auditOut = new CSVPrinter(out, CSVFormat.RFC4180)) {
            auditOut.printRecord(COLUMNS);
            int columnCount = records.columns().header().size();
            int errorColumn = records.columns().error();
            if (errorFile != null) {
                errorFile.open(records.columns().header(), columnCount, errorColumn);
            }
            for (Row row : rows) {
                RosterRecord record = records.hasNext() ? records.next() : null;
                if (record == null || record.line() != row.line() || record.column() != row.column()) {
                    throw new IllegalStateException("run " + runId + ": " + file.getFileName()
                            + " changed while it was processed (line " + row.line() + " not found again)");
                }
                auditOut.printRecord(safe(auditLine(row, record)));
                if (errorFile != null && row.outcome().needsAttention()) {
                    errorFile.add(record, row.detail());
                }
            }
        } finally {
            if (errorFile != null) {
                errorFile.close();
            }
        }
        if (errorFile != null) {
            errorFile.commit();
        }
    }

    private static List<Object> auditLine(Row row, RosterRecord record) {
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
                row.cxoneRequestId() == null ? "" : row.cxoneRequestId(), row.traceId() == null ? "" : row.traceId());
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
