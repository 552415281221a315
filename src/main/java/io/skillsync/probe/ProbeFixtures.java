package io.skillsync.probe;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import io.skillsync.probe.ProbeSession.Answer;

/** Each answer of a probe saved as a fixture a test can replay, with tokens, secrets and personal data scrubbed. */
final class ProbeFixtures {

    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");
    private static final Pattern SECRET_KEY = Pattern.compile("(?i).*(token|secret|password|authorization).*");
    private static final Pattern PERSONAL_KEY = Pattern
            .compile("(?i)(emailAddress|email|userName|firstName|lastName|middleName|fullName|loginName|phone.*|mobile.*)");

    private final ObjectMapper json;
    private final Path fixtures;

    ProbeFixtures(ObjectMapper json, Path fixtures) {
        this.json = json;
        this.fixtures = fixtures;
    }

    void save(String name, String method, String url, String body, Answer answer, String contentType)
            throws IOException {
        URI uri = URI.create(url);
        ObjectNode saved = json.createObjectNode();
        ObjectNode request = saved.putObject("request").put("method", method).put("path", uri.getPath());
        if (uri.getRawQuery() != null) {
            request.put("query", scrubText(uri.getRawQuery()));
        }
        if (body != null) {
            try {
                request.set("body", scrub(json.readTree(body)));
            } catch (IOException e) {
                request.put("body", scrubText(body));
            }
        }
        ObjectNode answered = saved.putObject("answer").put("status", answer.status());
        if (contentType != null) {
            answered.put("contentType", contentType);
        }
        if (answer.statusDescription() != null) {
            answered.put("icStatusDescription", scrubText(answer.statusDescription()));
        }
        if (!answer.body().isMissingNode()) {
            answered.set("body", scrub(answer.body().deepCopy()));
        } else if (answer.raw() != null && !answer.raw().isBlank()) {
            answered.put("text", scrubText(answer.raw()));
        }
        Files.createDirectories(fixtures);
        Files.writeString(fixtures.resolve(name),
                json.writerWithDefaultPrettyPrinter().writeValueAsString(saved));
    }

    /** Tokens and secrets become "***"; names and e-mail addresses become placeholders. */
    static JsonNode scrub(JsonNode node) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext();) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (SECRET_KEY.matcher(field.getKey()).matches() && field.getValue().isValueNode()) {
                    field.setValue(TextNode.valueOf("***"));
                } else if (PERSONAL_KEY.matcher(field.getKey()).matches() && field.getValue().isTextual()) {
                    field.setValue(TextNode.valueOf(field.getKey().toLowerCase(Locale.ROOT).contains("mail")
                            || field.getKey().equalsIgnoreCase("userName") ? "person@example.invalid" : "(name)"));
                } else {
                    field.setValue(scrub(field.getValue()));
                }
            }
            return object;
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                ((com.fasterxml.jackson.databind.node.ArrayNode) node).set(i, scrub(node.get(i)));
            }
            return node;
        }
        if (node.isTextual()) {
            return TextNode.valueOf(scrubText(node.asText()));
        }
        return node;
    }

    static String scrubText(String text) {
        return EMAIL.matcher(text).replaceAll("person@example.invalid")
                .replaceAll("(?i)(searchString=)[^&]*", "$1(scrubbed)");
    }
}
