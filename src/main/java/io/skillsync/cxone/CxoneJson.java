package io.skillsync.cxone;

import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * Reads CXone's JSON the tolerant way cxone-api.md asks for: lists at the top level or under
 * {@code resultSet} (older API versions), booleans that may come as strings ("True"), numbers as strings.
 */
public final class CxoneJson {

    private CxoneJson() {
    }

    /** The list {@code field} of an answer, at the top level or under {@code resultSet}; missing when neither. */
    public static JsonNode list(JsonNode body, String field) {
        if (body.path(field).isArray()) {
            return body.path(field);
        }
        if (body.path("resultSet").path(field).isArray()) {
            return body.path("resultSet").path(field);
        }
        return MissingNode.getInstance();
    }

    /** Whether the list came under {@code resultSet} (said once in the log). */
    public static boolean underResultSet(JsonNode body, String field) {
        return !body.path(field).isArray() && body.path("resultSet").path(field).isArray();
    }

    /**
     * CXone's {@code lastPollTime}: when it answered, by its own clock, to ask what changed since next
     * time. Null when absent or written without a zone (a time whose zone is a guess is no watermark).
     */
    public static java.time.Instant pollTime(JsonNode body) {
        JsonNode node = body.path("lastPollTime").isMissingNode() ? body.path("resultSet").path("lastPollTime")
                : body.path("lastPollTime");
        if (!node.isTextual()) {
            return null;
        }
        try {
            return java.time.OffsetDateTime.parse(node.asText().strip()).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    /** {@code totalRecords} at the top level or under {@code resultSet}; -1 when CXone sent none. */
    public static int totalRecords(JsonNode body) {
        JsonNode total = body.has("totalRecords") ? body.path("totalRecords") : body.path("resultSet").path("totalRecords");
        long value = number(total, -1);
        return value < 0 || value > Integer.MAX_VALUE ? -1 : (int) value;
    }

    /** A boolean, a string {@code true/false} in any case, or {@code 1/0}; {@code otherwise} when absent or unclear. */
    public static boolean bool(JsonNode node, boolean otherwise) {
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isNumber()) {
            return node.asInt() != 0;
        }
        if (node.isTextual()) {
            String text = node.asText().strip().toLowerCase(Locale.ROOT);
            if (text.equals("true") || text.equals("1")) {
                return true;
            }
            if (text.equals("false") || text.equals("0")) {
                return false;
            }
        }
        return otherwise;
    }

    /** Whether the node is a boolean in either form above. */
    public static boolean isBool(JsonNode node) {
        return bool(node, true) == bool(node, false);
    }

    /** An integer, also from a numeric string; {@code otherwise} when absent or not a number. */
    public static long number(JsonNode node, long otherwise) {
        if (node.isIntegralNumber()) {
            return node.asLong();
        }
        if (node.isTextual()) {
            try {
                return Long.parseLong(node.asText().strip());
            } catch (NumberFormatException e) {
                return otherwise;
            }
        }
        return otherwise;
    }
}
