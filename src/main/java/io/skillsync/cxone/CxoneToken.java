package io.skillsync.cxone;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.jboss.logging.Logger;

import io.skillsync.SkillSyncConfig;

/**
 * The OAuth token every CXone request carries (route {@code cxone-token}). Password grant when an access
 * key is configured, client_credentials otherwise. The token is reused and renewed once less than
 * {@code token-renew-share} of its lifetime is left, so no request meets an expired one; a 401 drops it.
 * Secrets go into the request only: never into a log line or an exception message.
 */
@ApplicationScoped
@Named("cxoneToken")
public class CxoneToken {

    private static final Logger LOG = Logger.getLogger(CxoneToken.class);

    private final SkillSyncConfig.Cxone config;
    private final ObjectMapper json;
    private final CxoneTraffic traffic;

    private volatile String accessToken;
    private volatile long renewAtMillis;
    /** The token endpoint's last status when it was not 200, for readiness; null after a success. */
    private volatile Integer lastAnswer;

    CxoneToken(SkillSyncConfig config, ObjectMapper json, CxoneTraffic traffic) {
        this.config = config.cxone();
        this.json = json;
        this.traffic = traffic;
    }

    /** Whether the next request needs a new token first. */
    public boolean needsRenewal() {
        return accessToken == null || System.currentTimeMillis() >= renewAtMillis;
    }

    /** The value of the Authorization header of an API request. */
    public String bearer() {
        String token = accessToken;
        if (token == null) {
            throw new CxoneException(401, "no CXone token: the token request did not succeed");
        }
        return "Bearer " + token;
    }

    /** CXone refused the token (401): the next attempt fetches a new one. */
    public void drop() {
        accessToken = null;
    }

    /** Whether the token endpoint refused the last request for a token (wrong id, secret or access key). */
    public boolean refused() {
        Integer status = lastAnswer;
        return status != null && status != 429 && status < 500;
    }

    public String grant() {
        return passwordGrant() ? "password" : "client_credentials";
    }

    private boolean passwordGrant() {
        return config.accessKeyId().filter(s -> !s.isBlank()).isPresent();
    }

    /** Shapes the exchange into the token request. */
    public void tokenRequest(Exchange exchange) {
        Message message = exchange.getMessage();
        message.removeHeaders("*", "CamelRedelivery*", "CamelRedelivered");
        String clientId = config.clientId().orElse("");
        String clientSecret = config.clientSecret().orElse("");
        String basic = Base64.getEncoder()
                .encodeToString((clientId + ":" + clientSecret).getBytes(StandardCharsets.UTF_8));
        message.setHeader(Exchange.HTTP_METHOD, "POST");
        message.setHeader("Authorization", "Basic " + basic);
        message.setHeader(Exchange.CONTENT_TYPE, "application/x-www-form-urlencoded");
        message.setHeader("Accept", "application/json");
        String form = passwordGrant()
                ? "grant_type=password&username=" + encode(config.accessKeyId().get())
                        + "&password=" + encode(config.accessKeySecret().orElse(""))
                : "grant_type=client_credentials";
        message.setBody(form);
        exchange.setProperty(CxoneCall.SENT_AT, System.nanoTime());
        traffic.sent("token");
    }

    /** Keeps the token from the answer, or says which grant was refused (never with the secret). */
    public void tokenAnswer(Exchange exchange) {
        Message message = exchange.getMessage();
        int status = message.getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
        String body = message.getBody(String.class);
        message.removeHeaders("*", "CamelRedelivery*", "CamelRedelivered");
        traffic.answered("token", status,
                java.time.Duration.ofNanos(System.nanoTime() - exchange.getProperty(CxoneCall.SENT_AT, Long.class)));
        lastAnswer = status == 200 ? null : status;
        if (status >= 500 || status == 429) {
            throw new CxoneBusyException(status, "the CXone token endpoint answered " + status);
        }
        if (status != 200) {
            throw new CxoneCredentialsException(status, "the CXone token endpoint refused the " + grant()
                    + " grant for client id '" + config.clientId().orElse("") + "' (HTTP " + status
                    + describe(body) + "): check skillsync.cxone.client-id/client-secret"
                    + (passwordGrant() ? " and access-key-id/access-key-secret" : ""));
        }
        try {
            JsonNode answer = json.readTree(body);
            String token = answer.path("access_token").asText(null);
            if (token == null || token.isBlank()) {
                throw new CxoneCredentialsException(status, "the CXone token endpoint answered without an access_token");
            }
            long lifetimeMillis = answer.path("expires_in").asLong(3600) * 1000;
            accessToken = token;
            renewAtMillis = System.currentTimeMillis() + (long) (lifetimeMillis * (1 - config.tokenRenewShare()));
            LOG.debugf("CXone token obtained by the %s grant, renewed in %d ms", grant(),
                    renewAtMillis - System.currentTimeMillis());
        } catch (java.io.IOException e) {
            throw new CxoneCredentialsException(status, "the CXone token endpoint answered something that is not JSON");
        }
    }

    /** Only the OAuth error code is repeated: a body could echo what was sent. */
    private String describe(String body) {
        try {
            JsonNode error = json.readTree(body == null ? "" : body).path("error");
            return error.isTextual() ? ", " + error.asText().replaceAll("[^A-Za-z0-9_ .-]", "") : "";
        } catch (java.io.IOException | RuntimeException e) {
            return "";
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
