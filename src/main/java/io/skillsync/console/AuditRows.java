package io.skillsync.console;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

import io.skillsync.record.RunRecords;

/**
 * A run's rows as its page shows them, one page at a time. The audit file is read streamed, record by
 * record: a row becomes an object only when it is on the page asked for, so a run of 15,000 or 2,000,000
 * rows costs a read of its file and a page of objects, never all its rows at once.
 */
@ApplicationScoped
public class AuditRows {

    /** Rows on a page. */
    public static final int PER_PAGE = 100;

    /** One row of a run's audit, as an operator reads it. */
    public record AuditRow(String line, String agent, String skill, String before, String after, String outcome,
            String detail) {
    }

    /**
     * Which rows: of one outcome (blank: every outcome), holding a text in their e-mail (or agent id), skill
     * or reason, any case (blank: any), and the page of them (the first is 1).
     */
    public record Filter(String outcome, String text, int page) {
        public static Filter all() {
            return new Filter("", "", 1);
        }

        boolean takes(String rowOutcome, String agent, String skill, String detail) {
            if (!outcome.isEmpty() && !outcome.equals(rowOutcome)) {
                return false;
            }
            String wanted = text.toLowerCase(Locale.ROOT);
            return wanted.isEmpty() || agent.toLowerCase(Locale.ROOT).contains(wanted)
                    || skill.toLowerCase(Locale.ROOT).contains(wanted) || detail.toLowerCase(Locale.ROOT).contains(wanted);
        }
    }

    /** The rows on the page asked for (the last page when it asked past the end), how many match in all, and each outcome's count in the run. */
    public record Page(List<AuditRow> shown, long matching, Map<String, Long> byOutcome, int page) {
        public int pages() {
            return (int) Math.max(1, (matching + PER_PAGE - 1) / PER_PAGE);
        }

        /** The number of the first row shown, counted among those that match (1 for the first page). */
        public long first() {
            return shown.isEmpty() ? 0 : (long) (page - 1) * PER_PAGE + 1;
        }

        public long last() {
            return first() + shown.size() - 1;
        }
    }

    private final RunRecords records;

    AuditRows(RunRecords records) {
        this.records = records;
    }

    /** The page of the run's audit rows the filter asks for (past the last page, the last). */
    public Page page(JsonNode summary, Filter filter) throws IOException {
        Optional<Path> audit = records.output(summary, RunRecords.AUDIT);
        if (audit.isEmpty()) {
            return new Page(List.of(), 0, Map.of(), 1);
        }
        int page = Math.max(1, filter.page());
        Page read = read(audit.get(), filter, page);
        int last = read.pages();
        // asked past the end (a filter narrowed since the link was made): the file once more, for its last page
        return page <= last ? read : read(audit.get(), filter, last);
    }

    /** One pass over the audit: every outcome counted, the matching rows counted, those of {@code page} kept. */
    private static Page read(Path audit, Filter filter, int page) throws IOException {
        Map<String, Long> byOutcome = new LinkedHashMap<>();
        List<AuditRow> shown = new ArrayList<>();
        long skip = (long) (page - 1) * PER_PAGE;
        long matching = 0;
        try (Reader in = Files.newBufferedReader(audit, StandardCharsets.UTF_8)) {
            for (CSVRecord record : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                String outcome = value(record, "outcome");
                byOutcome.merge(outcome, 1L, Long::sum);
                if (filter.takes(outcome, agent(record), skill(record), value(record, "detail"))
                        && matching++ >= skip && shown.size() < PER_PAGE) {
                    shown.add(new AuditRow(value(record, "line"), agent(record), skill(record),
                            level(value(record, "previousProficiency"), value(record, "previousActive")),
                            level(value(record, "proficiency"), value(record, "active")), outcome, detail(record)));
                }
            }
        }
        return new Page(shown, matching, byOutcome, page);
    }

    /** The row's detail, and which of HR's mapping lines it went through (a preview shows HR's words were read right). */
    private static String detail(CSVRecord record) {
        String mapping = value(record, "mapping");
        String detail = value(record, "detail");
        return mapping.isEmpty() ? detail : (detail.isEmpty() ? "" : detail + " ") + "[mapped by " + mapping + "]";
    }

    private static String agent(CSVRecord record) {
        String email = value(record, "email");
        return !email.isEmpty() ? email : or(value(record, "agentId"), value(record, "resolvedAgentId"));
    }

    private static String skill(CSVRecord record) {
        String name = value(record, "skill");
        return !name.isEmpty() ? name : or(value(record, "skillId"), value(record, "resolvedSkillId"));
    }

    private static String level(String proficiency, String active) {
        if (proficiency.isEmpty() && active.isEmpty()) {
            return "";
        }
        String state = "false".equalsIgnoreCase(active) ? "inactive" : "active";
        return proficiency.isEmpty() ? state : proficiency + ", " + state;
    }

    private static String or(String first, String second) {
        return first.isEmpty() ? second : first;
    }

    private static String value(CSVRecord record, String column) {
        return record.isMapped(column) && record.isSet(column) ? record.get(column) : "";
    }
}
