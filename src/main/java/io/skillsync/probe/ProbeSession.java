package io.skillsync.probe;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * The probe's conversation with one tenant: paced under the tenant's limit, capped in requests, and each
 * answer saved as a fixture with tokens, secrets and personal data scrubbed, so that a test can replay it.
 */
final class ProbeSession {

    /** The most requests one probe sends (the budget: well under a minute of the limit). */
    static final int MAX_REQUESTS = 40;
    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");
    private static final Pattern SECRET_KEY = Pattern.compile("(?i).*(token|secret|password|authorization).*");
    private static final Pattern PERSONAL_KEY = Pattern
            .compile("(?i)(emailAddress|email|userName|firstName|lastName|middleName|fullName|loginName|phone.*|mobile.*)");

    private final HttpClient http;
    private final ObjectMapper json;
    private final long intervalMillis;
    private final Path fixtures;
    private final String requestIdHeader;
    private long lastSentAt;
    private int requests;
    private String bearer;

    ProbeSession(ObjectMapper json, int requestsPerMinute, Path fixtures, long connectTimeoutMillis, String requestIdHeader) {
        this.json = json;
        this.intervalMillis = (long) Math.ceil(60_000 * 1.02 / Math.max(1, requestsPerMinute));
        this.fixtures = fixtures;
        this.requestIdHeader = requestIdHeader;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(connectTimeoutMillis))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    void bearer(String token) {
        this.bearer = token;
    }

    int requests() {
        return requests;
    }

    int left() {
        return MAX_REQUESTS - requests;
    }

    /** What CXone answered to one request. */
    record Answer(int status, JsonNode body, String raw, String statusDescription) {
        boolean ok() {
            return status / 100 == 2;
        }

        String describe() {
            return "HTTP " + status + (statusDescription == null || statusDescription.isBlank() ? ""
                    : " (" + statusDescription + ")");
        }
    }

    Answer get(String fixture, String url) throws IOException {
        return send(fixture, HttpRequest.newBuilder(URI.create(url)).GET(), url, "GET", null);
    }

    Answer api(String fixture, String method, String url, String body) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return send(fixture, request, url, method, body);
    }

    /** The token request: its form and headers hold secrets, so neither is saved, only the scrubbed answer. */
    Answer token(String fixture, String url, String form, String basic) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (basic != null) {
            request.header("Authorization", basic);
        }
        return send(fixture, request, url, "POST", "grant_type=" + form.replaceAll("^grant_type=([a-z_]+).*", "$1"), true);
    }

    private Answer send(String fixture, HttpRequest.Builder request, String url, String method, String body)
            throws IOException {
        return send(fixture, request, url, method, body, false);
    }

    private Answer send(String fixture, HttpRequest.Builder request, String url, String method, String body,
            boolean tokenRequest) throws IOException {
        if (requests >= MAX_REQUESTS) {
            throw new IOException("the probe's budget of " + MAX_REQUESTS + " requests is spent");
        }
        pace();
        requests++;
        request.header("Accept", "application/json").timeout(Duration.ofSeconds(60));
        if (!tokenRequest) {
            request.header(requestIdHeader, UUID.randomUUID().toString());
            if (bearer != null) {
                request.header("Authorization", "Bearer " + bearer);
            }
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        JsonNode parsed;
        try {
            parsed = response.body() == null || response.body().isBlank() ? MissingNode.getInstance()
                    : json.readTree(response.body());
        } catch (IOException e) {
            parsed = MissingNode.getInstance();
        }
        Answer answer = new Answer(response.statusCode(), parsed, response.body(),
                response.headers().firstValue("icStatusDescription").orElse(null));
        save(fixture, method, url, body, answer, response.headers().firstValue("Content-Type").orElse(null));
        return answer;
    }

    private void pace() {
        long wait = lastSentAt + intervalMillis - System.currentTimeMillis();
        if (wait > 0) {
            try {
                Thread.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        lastSentAt = System.currentTimeMillis();
    }

    private void save(String fixture, String method, String url, String body, Answer answer, String contentType)
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
        Files.writeString(fixtures.resolve(String.format("%02d-%s.json", requests, fixture)),
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
