package io.skillsync.record;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.skillsync.roster.RosterDates;
import io.skillsync.roster.RosterRecord;
import io.skillsync.sync.Row;

/**
 * What a run leaves for later under scheduled/ (roster-format.md, "Effective dates"), written in the audit's pass:
 * its rows effective later, in the input's own columns, one file per time; and for each row applied with an
 * {@code until}, the assignment as CXone held it just before, one undo-like roster per time (an assignment that
 * did not exist is deactivated). Each file moves into the inbox at its time and runs as any roster, guard included.
 */
public final class ScheduledFiles {

    private final RunRecords records;
    private final String baseName;
    private final String runId;
    private final ZoneId zone;
    /** Rows effective later are left for a complete, applying run: a dry run schedules nothing, a held or stopped file runs again whole. */
    private final boolean writeLater;
    private final Map<Instant, RowsFile> later = new TreeMap<>();
    private final Map<Instant, List<UndoRoster.UndoLine>> restores = new TreeMap<>();
    private List<String> header;
    private int columnCount;
    private int errorColumn;

    public ScheduledFiles(RunRecords records, String baseName, String runId, ZoneId zone, boolean writeLater) {
        this.writeLater = writeLater;
        this.records = records;
        this.baseName = baseName;
        this.runId = runId;
        this.zone = zone;
    }

    void header(List<String> header, int columnCount, int errorColumn) {
        this.header = header;
        this.columnCount = columnCount;
        this.errorColumn = errorColumn;
    }

    /** A row effective later, into its time's file. */
    void later(RosterRecord record) throws IOException {
        if (!writeLater) {
            return;
        }
        Instant due = RosterDates.parse(record.effective(), zone);
        RowsFile file = later.get(due);
        if (file == null) {
            file = new RowsFile(records.scheduledFile(baseName, runId, due), false);
            file.open(header, columnCount, errorColumn);
            later.put(due, file);
        }
        file.add(record, null);
    }

    /** A row applied until a time: what CXone held before it, to put back then. */
    void restore(Row row, RosterRecord record) {
        Instant until = RosterDates.parse(record.until(), zone);
        restores.computeIfAbsent(until, u -> new ArrayList<>()).add(new UndoRoster.UndoLine(row.agentId(), row.skillId(),
                row.previousProficiency(), row.previousActive()));
    }

    void close() throws IOException {
        for (RowsFile file : later.values()) {
            file.close();
        }
    }

    /** The files renamed into place, once the audit is whole; returns them for the summary's outputs. */
    public List<Path> commit() throws IOException {
        List<Path> written = new ArrayList<>();
        for (Map.Entry<Instant, RowsFile> file : later.entrySet()) {
            file.getValue().commit();
            written.add(records.scheduledFile(baseName, runId, file.getKey()));
        }
        for (Map.Entry<Instant, List<UndoRoster.UndoLine>> restore : restores.entrySet()) {
            Path target = records.untilFile(baseName, runId, restore.getKey());
            UndoRoster.write(target, restore.getValue());
            written.add(target);
        }
        return written;
    }
}
