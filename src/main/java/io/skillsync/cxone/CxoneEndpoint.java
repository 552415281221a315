package io.skillsync.cxone;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jboss.logging.Logger;

import io.skillsync.config.CxoneSettings;
import io.skillsync.config.PerUnit;
import io.skillsync.config.SkillSyncConfig;

/**
 * Where the CXone API is: {@code skillsync.cxone.api-url} when set; otherwise discovered once, as
 * cxone-api.md says: the tenantId of the id_token, then
 * {@code GET <discovery-url>/.well-known/cxone-configuration?tenantId=...}, whose {@code api_endpoint} (a
 * host only) gets {@code api-path} appended. The discovery request carries no token and names only the
 * tenant.
 */
@ApplicationScoped
@Named("cxoneEndpoint")
public class CxoneEndpoint {

    private static final Logger LOG = Logger.getLogger(CxoneEndpoint.class);

    private final CxoneSettings config;
    private final CxoneToken token;
    private final ObjectMapper json;
    /** What this bean keeps of one unit's tenant, for each unit ({@link PerUnit}). */
    private final PerUnit<Found> state = new PerUnit<>(unit -> new Found());

    CxoneEndpoint(SkillSyncConfig config, CxoneToken token, ObjectMapper json) {
        this.config = config.cxone();
        this.token = token;
        this.json = json;
    }

    /** The API's base URL, discovering it on first use when it is not configured. */
    public String apiUrl() {
        String configured = config.apiUrl().map(String::strip).filter(u -> !u.isEmpty()).orElse(null);
        if (configured != null) {
            return secure(trim(configured), "skillsync.cxone.api-url");
        }
        String known = state.get().discovered;
        if (known == null) {
            known = discover();
        }
        return secure(known, "the discovered api_endpoint");
    }

    /** The URL when it is https (or http is allowed: the simulator, tests); else the request is refused. */
    String secure(String url, String what) {
        if (refused(url, config.allowHttp())) {
            throw new CxoneException(0, what + " is not https (" + url.replaceAll("[?#].*", "")
                    + "): the token and every roster would travel in the clear; refused (skillsync.cxone.allow-http is"
                    + " for the simulator only)");
        }
        return url;
    }

    /**
     * Which tenant SkillSync talks to: the API URL and, when CXone's id_token names it, the tenantId (a
     * sandbox and production of one area share an API URL, never a tenantId).
     */
    public String tenantKey() {
        String tenantId = token.tenantId();
        return apiUrl() + (tenantId == null ? "" : " tenantId=" + tenantId);
    }

    public boolean configured() {
        return config.apiUrl().filter(u -> !u.isBlank()).isPresent();
    }

    private synchronized String discover() {
        Found found = state.get();
        if (found.discovered != null) {
            return found.discovered;
        }
        String tenantId = token.tenantId();
        if (tenantId == null) {
            throw new CxoneException(0, "skillsync.cxone.api-url is not set, and CXone's id_token named no tenantId to"
                    + " discover it from: set skillsync.cxone.api-url");
        }
        // the id_token's issuer first, as NICE's SDK does (FedRAMP, sovereign clouds); the setting when it names none
        String base = token.issuer() != null ? token.issuer() : trim(config.discoveryUrl());
        String url = secure(base, token.issuer() != null ? "the id_token's iss" : "skillsync.cxone.discovery-url")
                + "/.well-known/cxone-configuration?tenantId="
                + URLEncoder.encode(tenantId, StandardCharsets.UTF_8);
        try {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(config.connectTimeout()))
                    .followRedirects(HttpClient.Redirect.NEVER).build();
            HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofMillis(config.responseTimeout())).header("Accept", "application/json").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode body = answer.statusCode() == 200 ? json.readTree(answer.body()) : json.createObjectNode();
            String host = body.path("api_endpoint").asText("");
            if (!host.matches("https?://[^\\s?#]+")) {
                throw new CxoneException(answer.statusCode(), "CXone's discovery (" + url + ") answered "
                        + answer.statusCode() + " without an api_endpoint: set skillsync.cxone.api-url");
            }
            found.discovered = trim(host) + config.apiPath();
            LOG.infof("CXone API discovered for tenant %s: %s", tenantId, found.discovered);
            return found.discovered;
        } catch (IOException e) {
            throw new CxoneUnavailableException(0, "CXone's discovery (" + url + ") could not be reached: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CxoneUnavailableException(0, "interrupted while discovering the CXone API", e);
        }
    }

    /** Whether a CXone URL is refused for travelling in the clear: anything but https, unless http is allowed. */
    static boolean refused(String url, boolean allowHttp) {
        return !allowHttp && !url.toLowerCase(java.util.Locale.ROOT).startsWith("https://");
    }

    /** A URL without its trailing slash, so a path can follow it (the probe builds its URLs the same way). */
    public static String trim(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static final class Found {
        volatile String discovered;
    }
}
