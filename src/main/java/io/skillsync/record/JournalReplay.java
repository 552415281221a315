package io.skillsync.record;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A journal read back: its run line ({@code head}, null when even that is missing), by input line each row it
 * had sent with the answer CXone gave if one was recorded, whether it ended, and {@code refused}: why lines
 * were left out (null when every line is sound). Each line carries the seal of itself and of the line
 * before ({@link RunJournal#append}): an edited, forged, moved or removed line breaks the chain there, and it
 * and every line after it are left out.
 */
record JournalReplay(ObjectNode head, Map<Long, JournalReplay.Sent> rows, boolean ended, String refused) {

    /** A row's key: its line, and in a matrix its column too (a line there holds a row per skill cell). */
    static long key(int line, int column) {
        return ((long) line << 32) | (column + 1L);
    }

    /** A row an interrupted run had sent, as its journal tells. */
    record Sent(int line, long agentId, long skillId, int previousProficiency, int previousActive, int proficiency,
            boolean active, int batch, String outcome, String detail, int status, String requestId) {
    }

    private static final String SEAL_FIELD = ",\"seal\":\"";
    private static final String PURPOSE = "journal";

    /** The seal of the journal line {@code body} (a JSON object) that follows the line sealed {@code chain}. */
    static String seal(RecordSeal seal, String chain, String body) {
        return seal.seal(PURPOSE, chain + body);
    }

    /** The line a journal holds for {@code body}: the body with its seal {@code mac} as its last field. */
    static String line(String body, String mac) {
        return body.substring(0, body.length() - 1) + SEAL_FIELD + mac + "\"}";
    }

    /** The journal of run {@code runId} (its first line's chain starts from the run id: no line passes into another journal). */
    static JournalReplay read(Path journal, String runId, ObjectMapper json, RecordSeal seal) throws IOException {
        ObjectNode head = null;
        Map<Long, Sent> rows = new LinkedHashMap<>();
        boolean ended = false;
        String refused = null;
        String chain = runId;
        List<String> lines = Files.readAllLines(journal, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            JsonNode record;
            try {
                record = json.readTree(line);
            } catch (IOException e) {
                if (i == lines.size() - 1) {
                    // the last line may be half-written by the kill: everything before it is whole (each was forced)
                    break;
                }
                refused = "line " + (i + 1) + " is not JSON";
                break;
            }
            int at = line.lastIndexOf(SEAL_FIELD);
            String body = at < 0 ? line : line.substring(0, at) + "}";
            String given = at < 0 || !line.endsWith("\"}") ? null : line.substring(at + SEAL_FIELD.length(), line.length() - 2);
            if (!seal.holds(PURPOSE, chain + body, given)) {
                refused = "line " + (i + 1) + (given == null ? " has no seal" : "'s seal does not match")
                        + " (written without the service's key, edited, or moved from another journal)";
                break;
            }
            chain = given;
            switch (record.path("record").asText()) {
                case "run" -> head = (ObjectNode) record;
                case "batch" -> {
                    for (JsonNode row : record.path("rows")) {
                        rows.put(key(row.path("line").asInt(), row.path("column").asInt(-1)), new Sent(row.path("line").asInt(), row.path("agentId").asLong(),
                                row.path("skillId").asLong(), row.path("previousProficiency").asInt(),
                                row.path("previousActive").asInt(), row.path("proficiency").asInt(),
                                row.path("active").asBoolean(), record.path("batch").asInt(), null, null, 0, null));
                    }
                }
                case "answer" -> {
                    for (JsonNode row : record.path("rows")) {
                        long key = key(row.path("line").asInt(), row.path("column").asInt(-1));
                        Sent sent = rows.get(key);
                        if (sent != null && !row.path("outcome").asText().equals("pending")) {
                            rows.put(key, new Sent(sent.line(), sent.agentId(), sent.skillId(),
                                    sent.previousProficiency(), sent.previousActive(), sent.proficiency(), sent.active(),
                                    record.path("batch").asInt(), row.path("outcome").asText(), row.path("detail").asText(),
                                    record.path("status").asInt(), record.path("requestId").asText(null)));
                        }
                    }
                }
                case "end" -> ended = true;
                default -> {
                }
            }
        }
        return new JournalReplay(head, rows, ended, refused);
    }
}
