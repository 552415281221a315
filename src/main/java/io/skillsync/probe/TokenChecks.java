package io.skillsync.probe;

import static io.skillsync.cxone.CxoneEndpoint.trim;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.skillsync.config.CxoneSettings;
import io.skillsync.config.SkillSyncConfig;
import io.skillsync.cxone.CxoneEndpoint;
import io.skillsync.cxone.CxoneJson;
import io.skillsync.cxone.TokenForm;
import io.skillsync.probe.ProbeCheck.Verdict;
import io.skillsync.probe.ProbeSession.Answer;

/** The probe's first questions: is a token granted, with which client authentication, and where is the API. */
final class TokenChecks {

    private final SkillSyncConfig config;
    private final ObjectMapper json;

    TokenChecks(SkillSyncConfig config, ObjectMapper json) {
        this.config = config;
        this.json = json;
    }

    /** @return the API's base URL, or null when the probe cannot go on */
    String token(ProbeSession session, List<ProbeCheck> checks) throws IOException {
        CxoneSettings cxone = config.cxone();
        String clientId = cxone.clientId().orElse("");
        String secret = cxone.clientSecret().orElse("");
        String assumed = cxone.grant().label() + " grant, client auth " + cxone.clientAuth().label();
        if (cxone.grant() == CxoneSettings.Grant.PASSWORD && (cxone.accessKeyId().isEmpty() || cxone.accessKeySecret().isEmpty())) {
            checks.add(new ProbeCheck("token", "not asked: no access key configured", assumed, Verdict.SET,
                    "skillsync.cxone.access-key-id / access-key-secret"));
            return null;
        }
        Answer answer = session.token("token", cxone.tokenUrl(), form(cxone.clientAuth()),
                TokenForm.basic(cxone.clientAuth().label(), clientId, secret));
        CxoneSettings.ClientAuth authUsed = cxone.clientAuth();
        if (!answer.ok()) {
            // the other client authentication may be the one this app is registered for
            CxoneSettings.ClientAuth other = authUsed.other();
            Answer retry = session.token("token-" + other.label(), cxone.tokenUrl(), form(other),
                    TokenForm.basic(other.label(), clientId, secret));
            if (retry.ok()) {
                checks.add(new ProbeCheck("token", "refused with client auth " + authUsed.label() + " (" + answer.describe()
                        + "), granted with " + other.label(), assumed, Verdict.SET, "skillsync.cxone.client-auth=" + other.label()));
                answer = retry;
                authUsed = other;
            } else {
                checks.add(new ProbeCheck("token", "refused: " + answer.describe() + " " + oauthError(answer)
                        + "; with client auth " + other.label() + ": " + retry.describe(), assumed, Verdict.SET,
                        "check client-id/client-secret and the access key"));
                return null;
            }
        } else {
            checks.add(new ProbeCheck("token", "granted: " + cxone.grant().label() + " grant, client auth " + authUsed.label(),
                    assumed, Verdict.MATCHES, ""));
        }
        session.bearer(answer.body().path("access_token").asText(""));
        long lifetime = CxoneJson.number(answer.body().path("expires_in"), -1);
        checks.add(new ProbeCheck("token lifetime", lifetime < 0 ? "no expires_in (taken as 3600 s)" : lifetime + " s",
                "expires_in given; renewed at 80%", lifetime < 0 ? Verdict.TOLERATED : lifetime < 120 ? Verdict.SET : Verdict.MATCHES,
                lifetime >= 0 && lifetime < 120 ? "skillsync.cxone.token-renew-share=0.5" : ""));
        String tenantId = TokenForm.tenantOf(answer.body().path("id_token").asText(null), json);
        return discovery(session, checks, tenantId, TokenForm.issuerOf(answer.body().path("id_token").asText(null), json));
    }

    private String form(CxoneSettings.ClientAuth clientAuth) {
        CxoneSettings cxone = config.cxone();
        return TokenForm.form(cxone.grant().label(), clientAuth.label(), cxone.clientId().orElse(""), cxone.clientSecret().orElse(""),
                cxone.accessKeyId().orElse(""), cxone.accessKeySecret().orElse(""));
    }

    private String oauthError(Answer answer) {
        String code = TokenForm.errorCode(answer.body());
        return code == null ? "" : "error " + code;
    }

    /** @param issuer the id_token's iss (asked first, as the service does), or null */
    private String discovery(ProbeSession session, List<ProbeCheck> checks, String tenantId, String issuer) throws IOException {
        CxoneSettings cxone = config.cxone();
        Optional<String> configured = cxone.apiUrl().map(String::strip).filter(u -> !u.isEmpty()).map(CxoneEndpoint::trim);
        String assumed = configured.map(u -> "api-url " + u).orElse("discovered from the id_token's tenantId");
        if (tenantId == null) {
            checks.add(new ProbeCheck("discovery", "the id_token names no tenantId", assumed,
                    configured.isPresent() ? Verdict.TOLERATED : Verdict.SET, configured.isPresent() ? "" : "skillsync.cxone.api-url"));
            return configured.orElse(null);
        }
        Answer answer = session.get("discovery", (issuer != null ? issuer : trim(cxone.discoveryUrl()))
                + "/.well-known/cxone-configuration?tenantId="
                + URLEncoder.encode(tenantId, StandardCharsets.UTF_8));
        String host = answer.body().path("api_endpoint").asText("");
        if (!answer.ok() || host.isBlank()) {
            checks.add(new ProbeCheck("discovery", "tenant " + tenantId + ": " + answer.describe() + ", no api_endpoint",
                    assumed, configured.isPresent() ? Verdict.TOLERATED : Verdict.SET,
                    configured.isPresent() ? "" : "skillsync.cxone.api-url"));
            return configured.orElse(null);
        }
        String discovered = trim(host) + cxone.apiPath();
        if (configured.isEmpty() || configured.get().equals(discovered)) {
            checks.add(new ProbeCheck("discovery", "tenant " + tenantId + " -> " + discovered, assumed, Verdict.MATCHES, ""));
        } else {
            checks.add(new ProbeCheck("discovery", "tenant " + tenantId + " -> " + discovered, assumed, Verdict.SET,
                    "skillsync.cxone.api-url=" + discovered + " (or unset it)"));
        }
        return configured.orElse(discovered);
    }
}
