package io.skillsync.results;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * A preview's plan for HR (a dry run of a file from the SFTP preview folder): per row, the agent and skill, what
 * CXone holds now and what the file would make it, and the row's outcome; read from the run's audit, whose
 * cells are already safe to open in a spreadsheet.
 */
final class PreviewPlan {

    private static final CSVFormat AUDIT = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();

    private PreviewPlan() {
    }

    static byte[] of(Path audit) throws IOException {
        StringWriter text = new StringWriter();
        try (Reader in = Files.newBufferedReader(audit, StandardCharsets.UTF_8);
                CSVPrinter out = new CSVPrinter(text, CSVFormat.RFC4180)) {
            out.printRecord("line", "agent", "skill", "now", "would be", "outcome", "detail");
            for (CSVRecord row : AUDIT.parse(in)) {
                String agent = row.get("email").isEmpty() ? row.get("agentId") : row.get("email");
                String skill = row.get("skill").isEmpty() ? row.get("skillId") : row.get("skill");
                String now = state(row.get("previousProficiency"), row.get("previousActive"));
                String outcome = row.get("outcome");
                String wouldBe = switch (outcome) {
                    case "planned" -> state(row.get("proficiency"), row.get("active"));
                    case "unchanged" -> now;
                    default -> "";
                };
                out.printRecord(row.get("line"), agent, skill, now, wouldBe, outcome, row.get("detail"));
            }
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** "5, active", "5, inactive", or "not assigned". */
    private static String state(String proficiency, String active) {
        if (active.isEmpty()) {
            return "not assigned";
        }
        return (proficiency.isEmpty() ? "" : proficiency + ", ") + ("true".equals(active) ? "active" : "inactive");
    }
}
