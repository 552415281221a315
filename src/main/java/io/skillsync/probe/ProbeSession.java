package io.skillsync.probe;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * The probe's conversation with one tenant: paced under the tenant's limit, capped in requests, and each
 * answer saved as a fixture with tokens, secrets and personal data scrubbed, so that a test can replay it.
 */
final class ProbeSession {

    /** The most requests one probe sends (the budget: well under a minute of the limit). */
    static final int MAX_REQUESTS = 60;

    private final HttpClient http;
    private final ObjectMapper json;
    private final long intervalMillis;
    private final ProbeFixtures saved;
    private final String requestIdHeader;
    private long lastSentAt;
    private int requests;
    private String bearer;

    ProbeSession(ObjectMapper json, int requestsPerMinute, Path fixtures, long connectTimeoutMillis, String requestIdHeader) {
        this.json = json;
        this.intervalMillis = (long) Math.ceil(60_000 * 1.02 / Math.max(1, requestsPerMinute));
        this.saved = new ProbeFixtures(json, fixtures);
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
        saved.save(String.format("%02d-%s.json", requests, fixture), method, url, body, answer,
                response.headers().firstValue("Content-Type").orElse(null));
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
}
