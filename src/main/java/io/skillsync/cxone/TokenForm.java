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
        JsonNode claims = claims(idToken, json);
        String tenant = claims.path("tenantId").asText(claims.path("tenant_id").asText(""));
        return tenant.matches("[A-Za-z0-9-]{1,64}") ? tenant : null;
    }

    /**
     * The id_token's issuer ({@code iss}) as an origin ({@code https://cxone-gov.niceincontact.com}): where
     * NICE's SDK and production integrations ask discovery, so FedRAMP and sovereign tenants need no
     * discovery-url of their own. Null when absent or not a scheme://host[:port][/path] without query.
     */
    public static String issuerOf(String idToken, ObjectMapper json) {
        String iss = claims(idToken, json).path("iss").asText("").strip();
        if (iss.endsWith("/")) {
            iss = iss.substring(0, iss.length() - 1);
        }
        return iss.matches("https?://[A-Za-z0-9.-]{1,253}(:[0-9]{1,5})?(/[A-Za-z0-9._~-]+){0,8}") ? iss : null;
    }

    /** The claims of a JWT (its signature is not SkillSync's to check: the token came from the token endpoint). */
    private static JsonNode claims(String idToken, ObjectMapper json) {
        String[] parts = idToken == null ? new String[0] : idToken.split("\\.");
        if (parts.length < 2) {
            return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        }
        try {
            return json.readTree(Base64.getUrlDecoder().decode(parts[1]));
        } catch (java.io.IOException | IllegalArgumentException e) {
            return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
