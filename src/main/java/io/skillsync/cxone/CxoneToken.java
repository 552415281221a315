package io.skillsync.cxone;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.jboss.logging.Logger;

import io.skillsync.config.CxoneSettings;
import io.skillsync.config.PerUnit;
import io.skillsync.config.SkillSyncConfig;

/**
 * The OAuth token every CXone request carries (route {@code cxone-token}). NICE's password grant with the
 * API user's access key; client_credentials only when chosen explicitly ({@code skillsync.cxone.grant}),
 * never as a fallback for a missing key. The client authenticates with Basic, or in the form
 * ({@code client-auth=post}). The id_token's tenantId is kept for discovery. The token is reused and renewed once less than
 * {@code token-renew-share} of its lifetime is left, so no request meets an expired one; a 401 drops it.
 * Secrets go into the request only: never into a log line or an exception message.
 */
@ApplicationScoped
@Named("cxoneToken")
public class CxoneToken {

    private static final Logger LOG = Logger.getLogger(CxoneToken.class);

    private final CxoneSettings config;
    private final ObjectMapper json;
    private final CxoneTraffic traffic;

    /** What this bean keeps of one unit's tenant, for each unit ({@link PerUnit}). */
    private final PerUnit<Held> state = new PerUnit<>(unit -> new Held());

    CxoneToken(SkillSyncConfig config, ObjectMapper json, CxoneTraffic traffic) {
        this.config = config.cxone();
        this.json = json;
        this.traffic = traffic;
    }

    /** The tenantId of the last id_token (for discovery), or null when CXone sent none. */
    public String tenantId() {
        return state.get().tenantId;
    }

    /** The issuer of the last id_token ({@code https://cxone.niceincontact.com}), where discovery is asked; or null. */
    public String issuer() {
        return state.get().issuer;
    }

    public long lifetimeSeconds() {
        return state.get().lifetimeSeconds;
    }

    /** What is missing from the configuration for the chosen grant, or null when nothing is. */
    public String missingSetting() {
        if (config.clientId().filter(s -> !s.isBlank()).isEmpty()) {
            return "no OAuth client configured: set skillsync.cxone.client-id and client-secret";
        }
        if (passwordGrant() && (config.accessKeyId().filter(s -> !s.isBlank()).isEmpty()
                || config.accessKeySecret().filter(s -> !s.isBlank()).isEmpty())) {
            return "no access key configured: set skillsync.cxone.access-key-id and access-key-secret (NICE's password"
                    + " grant), or choose skillsync.cxone.grant=client_credentials explicitly";
        }
        return null;
    }

    /** Whether the next request needs a new token first. */
    public boolean needsRenewal() {
        Held held = state.get();
        return held.accessToken == null || System.currentTimeMillis() >= held.renewAtMillis;
    }

    /** The value of the Authorization header of an API request. */
    public String bearer() {
        String token = state.get().accessToken;
        if (token == null) {
            throw new CxoneException(401, "no CXone token: the token request did not succeed");
        }
        return "Bearer " + token;
    }

    /** CXone refused the token (401): the next attempt fetches a new one. */
    public void drop() {
        state.get().accessToken = null;
    }

    /** Whether the token endpoint refused the last request for a token (wrong id, secret or access key). */
    public boolean refused() {
        Integer status = state.get().lastAnswer;
        return status != null && status != 429 && status < 500;
    }

    /** The grant, as the settings spell it. */
    public String grant() {
        return config.grant().label();
    }

    private boolean passwordGrant() {
        return config.grant() == CxoneSettings.Grant.PASSWORD;
    }

    /** Shapes the exchange into the token request. */
    public void tokenRequest(Exchange exchange) {
        Held held = state.get();
        Message message = exchange.getMessage();
        CxoneCall.clearHeaders(message);
        String missing = missingSetting();
        if (missing != null) {
            // nothing is sent: a request without the key could only be refused, or meet a grant NICE does not publish
            held.lastAnswer = 400;
            throw new CxoneCredentialsException(0, missing);
        }
        if (CxoneEndpoint.refused(config.tokenUrl(), config.allowHttp())) {
            held.lastAnswer = 400;
            throw new CxoneCredentialsException(0, "skillsync.cxone.token-url is not https: the secrets would travel in"
                    + " the clear; refused (skillsync.cxone.allow-http is for the simulator only)");
        }
        exchange.setProperty(CxoneCall.URL, config.tokenUrl());
        message.setHeader(Exchange.HTTP_METHOD, "POST");
        message.setHeader(Exchange.CONTENT_TYPE, "application/x-www-form-urlencoded");
        message.setHeader("Accept", "application/json");
        message.setBody(TokenForm.form(grant(), config.clientAuth().label(), config.clientId().orElse(""),
                config.clientSecret().orElse(""), config.accessKeyId().orElse(""), config.accessKeySecret().orElse("")));
        String basic = TokenForm.basic(config.clientAuth().label(), config.clientId().orElse(""),
                config.clientSecret().orElse(""));
        if (basic != null) {
            message.setHeader("Authorization", basic);
        }
        exchange.setProperty(CxoneCall.SENT_AT, System.nanoTime());
        traffic.sent("token");
    }

    /** Keeps the token from the answer, or says which grant was refused (never with the secret). */
    public void tokenAnswer(Exchange exchange) {
        Held held = state.get();
        Message message = exchange.getMessage();
        int status = message.getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
        String body = message.getBody(String.class);
        CxoneCall.clearHeaders(message);
        traffic.answered("token", status,
                java.time.Duration.ofNanos(System.nanoTime() - exchange.getProperty(CxoneCall.SENT_AT, Long.class)));
        held.lastAnswer = status == 200 ? null : status;
        if (status >= 500 || status == 429) {
            throw new CxoneBusyException(status, "the CXone token endpoint answered " + status);
        }
        if (status != 200) {
            throw new CxoneCredentialsException(status, "the CXone token endpoint refused the " + grant()
                    + " grant for client id '" + config.clientId().orElse("") + "' (HTTP " + status
                    + TokenForm.describe(body, json) + "): check skillsync.cxone.client-id/client-secret"
                    + (passwordGrant() ? " and access-key-id/access-key-secret" : ""));
        }
        try {
            JsonNode answer = json.readTree(body);
            String token = answer.path("access_token").asText(null);
            if (token == null || token.isBlank()) {
                throw new CxoneCredentialsException(status, "the CXone token endpoint answered without an access_token");
            }
            long lifetimeMillis = CxoneJson.number(answer.path("expires_in"), 3600) * 1000;
            held.lifetimeSeconds = lifetimeMillis / 1000;
            String tenant = TokenForm.tenantOf(answer.path("id_token").asText(null), json);
            String iss = TokenForm.issuerOf(answer.path("id_token").asText(null), json);
            if (iss != null) {
                held.issuer = iss;
            }
            if (tenant != null) {
                held.tenantId = tenant;
            }
            held.accessToken = token;
            held.renewAtMillis = System.currentTimeMillis() + (long) (lifetimeMillis * (1 - config.tokenRenewShare()));
            LOG.debugf("CXone token obtained by the %s grant, renewed in %d ms", grant(),
                    held.renewAtMillis - System.currentTimeMillis());
        } catch (java.io.IOException e) {
            throw new CxoneCredentialsException(status, "the CXone token endpoint answered something that is not JSON");
        }
    }

    private static final class Held {
        volatile String accessToken;
        volatile long renewAtMillis;
        /** The token endpoint's last status when it was not 200, for readiness; null after a success. */
        volatile Integer lastAnswer;
        /** The tenantId claim of the last id_token, or null. */
        volatile String tenantId;
        /** The iss claim of the last id_token as an origin, or null. */
        volatile String issuer;
        /** The lifetime CXone gave the last token, in seconds. */
        volatile long lifetimeSeconds;
    }
}
