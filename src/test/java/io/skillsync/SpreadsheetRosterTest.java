package io.skillsync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import io.skillsync.cxone.TenantDirectory;
import io.skillsync.simulator.TenantSimulator;
import io.skillsync.support.Tenants;

/**
 * The same sheet HR keeps, saved from Excel (roster-format.md, "Spreadsheets"): read like a CSV of its first
 * sheet, numbers stored as 5.0 read as 5, a formula as its value; its error file is a CSV that reruns; an old
 * .xls goes to error/ whole with the reason.
 */
@QuarkusTest
class SpreadsheetRosterTest {

    @Inject
    TenantSimulator tenant;
    @Inject
    TenantDirectory directory;

    @Test
    void aWorkbookMatrixAppliesAndItsErrorFileIsACsvThatReruns() throws IOException {
        Tenants.everyoneOnTier1(tenant, directory, 6);
        byte[] workbook;
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("Proficiencies");
            row(sheet, 0, "email", "Name", "Tier_1_Support", "Retention");
            row(sheet, 1, Tenants.email(1), "Ann Lee", 5.0, null);
            // row 3 left empty, as HR's sheets have them
            row(sheet, 3, Tenants.email(2), "Bo Chan", null, "=1+2");
            row(sheet, 4, Tenants.email(3), "Cy Dow", "expert", "off");
            book.getCreationHelper().createFormulaEvaluator().evaluateAll();
            book.write(out);
            workbook = out.toByteArray();
        }
        Drop.roster("proficiencies.xlsx", workbook);
        JsonNode run = Drop.awaitRun("proficiencies.xlsx");

        assertEquals("matrix", run.path("layout").asText(), run.toString());
        Map<String, String> outcomes = Drop.audit(run).stream()
                .collect(Collectors.toMap(r -> r.get("line") + " " + r.get("skill"), r -> r.get("outcome")));
        assertEquals(Map.of("2 Tier_1_Support", "applied", "4 Retention", "applied", "5 Tier_1_Support", "rejected",
                "5 Retention", "unchanged"), outcomes, "lines are the sheet's row numbers");
        assertEquals(5, tenant.assignment(Tenants.agentId(1), Tenants.TIER_1).proficiency(), "5.0 is 5");
        assertEquals(3, tenant.assignment(Tenants.agentId(2), Tenants.RETENTION).proficiency(), "a formula's value");

        List<CSVRecord> errors = Drop.errors(run);
        assertEquals(1, errors.size());
        assertTrue(Drop.output(run, ".errors.csv").getFileName().toString().startsWith("proficiencies."));
        assertTrue(errors.get(0).get("error").startsWith("line 5, Tier_1_Support: proficiency 'expert'"),
                errors.get(0).get("error"));
        var errorFile = Drop.output(run, ".errors.csv");
        Drop.roster(errorFile.getFileName().toString(), Files.readString(errorFile).replace("expert", "2"));
        JsonNode rerun = Drop.awaitRun(errorFile.getFileName().toString());
        assertEquals(1, rerun.path("counts").path("applied").asInt(), rerun.toString());
        assertEquals(2, tenant.assignment(Tenants.agentId(3), Tenants.TIER_1).proficiency());
    }

    @Test
    void anOldXlsWorkbookNamedXlsxIsSetAsideWithTheReason() throws IOException {
        Tenants.everyoneOnTier1(tenant, directory, 2);
        byte[] old;
        try (Workbook book = new HSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            row(book.createSheet("Roster"), 0, "email", "skill", "proficiency");
            book.write(out);
            old = out.toByteArray();
        }
        Drop.roster("old.xlsx", old);
        JsonNode run = Drop.awaitRun("old.xlsx");

        assertEquals("unreadable", run.path("result").asText(), run.toString());
        assertTrue(run.path("reason").asText().contains("old-format Excel 97-2003 workbook (.xls)"), run.toString());
        assertTrue(Files.exists(Drop.WORK.resolve("error/old.xlsx")), "the file goes to error/ whole");
    }

    private static void row(Sheet sheet, int index, Object... values) {
        Row row = sheet.createRow(index);
        for (int i = 0; i < values.length; i++) {
            Object value = values[i];
            if (value instanceof Double number) {
                row.createCell(i).setCellValue(number);
            } else if (value instanceof String text && text.startsWith("=")) {
                row.createCell(i).setCellFormula(text.substring(1));
            } else if (value != null) {
                row.createCell(i).setCellValue((String) value);
            }
        }
    }
}
