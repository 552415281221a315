package io.skillsync.cxone;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The token request's form and Basic header, and what is read of the answer: the OAuth error code, the tenantId. */
public final class TokenForm {

    private TokenForm() {
    }

    /** Only the OAuth error code is repeated: a body could echo what was sent. */
    static String describe(String body, ObjectMapper json) {
        try {
            String code = errorCode(json.readTree(body == null ? "" : body));
            return code == null ? "" : ", " + code;
        } catch (java.io.IOException | RuntimeException e) {
            return "";
        }
    }

    /** An answer's OAuth error code, kept to letters, digits and {@code _ .-}, or null when it has none. */
    public static String errorCode(JsonNode answer) {
        JsonNode error = answer.path("error");
        return error.isTextual() ? error.asText().replaceAll("[^A-Za-z0-9_ .-]", "") : null;
    }

    /** The token request's form; the secrets go here only (and never into a log line). */
    public static String form(String grant, String clientAuth, String clientId, String clientSecret, String accessKeyId,
            String accessKeySecret) {
        String form = grant.equals("password")
                ? "grant_type=password&username=" + encode(accessKeyId) + "&password=" + encode(accessKeySecret)
                : "grant_type=client_credentials";
        if (clientAuth.equals("post")) {
            form += "&client_id=" + encode(clientId) + "&client_secret=" + encode(clientSecret);
        }
        return form;
    }

    /** The Authorization header of the token request, or null when the client authenticates in the form. */
    public static String basic(String clientAuth, String clientId, String clientSecret) {
        if (!clientAuth.equals("basic")) {
            return null;
        }
        return "Basic " + Base64.getEncoder().encodeToString((clientId + ":" + clientSecret).getBytes(StandardCharsets.UTF_8));
    }

    /** The tenantId claim of an id_token (a JWT; its signature is not ours to check, only its claim is used), or null. */
    public static String tenantOf(String idToken, ObjectMapper json) {
        if (idToken == null) {
            return null;
        }
        String[] parts = idToken.split("\\.");
        if (parts.length < 2) {
            return null;
        }
        try {
            JsonNode claims = json.readTree(Base64.getUrlDecoder().decode(parts[1]));
            String tenant = claims.path("tenantId").asText(claims.path("tenant_id").asText(""));
            return tenant.matches("[A-Za-z0-9-]{1,64}") ? tenant : null;
        } catch (java.io.IOException | IllegalArgumentException e) {
            return null;
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
