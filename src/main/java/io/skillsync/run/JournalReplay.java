package io.skillsync.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An unfinished journal read back: its run line ({@code head}, null when even that is missing) and, by input
 * line, each row it had sent with the answer CXone gave, if one was recorded.
 */
record JournalReplay(ObjectNode head, Map<Integer, JournalReplay.Sent> rows) {

    /** A row an interrupted run had sent, as its journal tells. */
    record Sent(int line, long agentId, long skillId, int previousProficiency, int previousActive, int proficiency,
            boolean active, int batch, String outcome, String detail, int status, String requestId) {
    }

    static JournalReplay read(Path journal, ObjectMapper json) throws IOException {
        ObjectNode head = null;
        Map<Integer, Sent> rows = new LinkedHashMap<>();
        for (String line : Files.readAllLines(journal, StandardCharsets.UTF_8)) {
            JsonNode record;
            try {
                record = json.readTree(line);
            } catch (IOException e) {
                // the last line may be half-written by the kill: everything before it is whole (each was forced)
                continue;
            }
            switch (record.path("record").asText()) {
                case "run" -> head = (ObjectNode) record;
                case "batch" -> {
                    for (JsonNode row : record.path("rows")) {
                        rows.put(row.path("line").asInt(), new Sent(row.path("line").asInt(), row.path("agentId").asLong(),
                                row.path("skillId").asLong(), row.path("previousProficiency").asInt(),
                                row.path("previousActive").asInt(), row.path("proficiency").asInt(),
                                row.path("active").asBoolean(), record.path("batch").asInt(), null, null, 0, null));
                    }
                }
                case "answer" -> {
                    for (JsonNode row : record.path("rows")) {
                        Sent sent = rows.get(row.path("line").asInt());
                        if (sent != null && !row.path("outcome").asText().equals("pending")) {
                            rows.put(sent.line(), new Sent(sent.line(), sent.agentId(), sent.skillId(),
                                    sent.previousProficiency(), sent.previousActive(), sent.proficiency(), sent.active(),
                                    record.path("batch").asInt(), row.path("outcome").asText(), row.path("detail").asText(),
                                    record.path("status").asInt(), record.path("requestId").asText(null)));
                        }
                    }
                }
                default -> {
                }
            }
        }
        return new JournalReplay(head, rows);
    }
}
