package io.skillsync.cxone;

import java.time.Duration;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

import io.skillsync.cluster.Leadership;
import io.skillsync.config.CxoneSettings;
import io.skillsync.config.SkillSyncConfig;
import io.skillsync.sync.RunStoppedException;

/**
 * The two ends of one attempt at a CXone request (route {@code cxone-attempt}): {@link #prepare} turns the
 * {@link CxoneRequest} into HTTP headers and body, {@link #answer} turns CXone's reply into a
 * {@link CxoneResponse}, or into the exception the error handler retries on (401, 429, 5xx).
 */
@ApplicationScoped
@Named("cxoneCall")
public class CxoneCall {

    public static final String REQUEST = "cxoneRequest";
    /** What route {@code cxone-http} calls: the token endpoint, or the API's base URL (configured or discovered). */
    public static final String URL = "cxoneUrl";
    private static final String SENT_REQUEST_ID = "cxoneSentRequestId";
    static final String SENT_AT = "cxoneSentAt";

    private final CxoneToken token;
    private final CxoneTraffic traffic;
    private final TenantBackpressure backpressure;
    private final ObjectMapper json;
    private final CxoneEndpoint endpoint;
    /** The current unit's (read at each call). */
    private final CxoneSettings settings;
    private final Leadership leadership;

    CxoneCall(CxoneToken token, CxoneTraffic traffic, TenantBackpressure backpressure, ObjectMapper json,
            CxoneEndpoint endpoint, SkillSyncConfig config, Leadership leadership) {
        this.leadership = leadership;
        this.token = token;
        this.traffic = traffic;
        this.backpressure = backpressure;
        this.json = json;
        this.endpoint = endpoint;
        this.settings = config.cxone();
    }

    /**
     * Only what CXone needs goes on the wire: no header of the file or split leaks into a request, and no
     * header of an answer into what follows (but the error handler's own: it counts redeliveries in them).
     */
    static void clearHeaders(Message message) {
        message.removeHeaders("*", "CamelRedelivery*", "CamelRedelivered");
    }

    public void prepare(Exchange exchange) {
        CxoneRequest request = exchange.getProperty(REQUEST, CxoneRequest.class);
        Message message = exchange.getMessage();
        clearHeaders(message);
        String requestId = UUID.randomUUID().toString();
        exchange.setProperty(SENT_REQUEST_ID, requestId);
        message.setHeader(Exchange.HTTP_METHOD, request.method());
        message.setHeader(Exchange.HTTP_PATH, request.path());
        if (request.query() != null) {
            message.setHeader(Exchange.HTTP_QUERY, request.query());
        }
        message.setHeader("Accept", "application/json");
        message.setHeader("Authorization", token.bearer());
        message.setHeader(settings.correlation().requestHeader(), requestId);
        exchange.setProperty(URL, endpoint.apiUrl());
        if (request.json() != null) {
            message.setHeader(Exchange.CONTENT_TYPE, "application/json");
        }
        message.setBody(request.json());
    }

    /**
     * Route {@code cxone-attempt}, the last step before the request goes out, after any wait for a Retry-After,
     * the throttle or a retry's backoff: a write goes out only while this replica still leads. Those waits can
     * outlast a Lease, and the replica that took over may be writing by then.
     */
    public void beforeSending(Exchange exchange) {
        CxoneRequest request = exchange.getProperty(REQUEST, CxoneRequest.class);
        if (request.kind().equals("write") && !leadership.held()) {
            throw new RunStoppedException("this replica no longer holds the cluster Lease; the replica that leads runs the file", true);
        }
        exchange.setProperty(SENT_AT, System.nanoTime());
        traffic.sent(request.kind());
    }

    public CxoneResponse answer(Exchange exchange) {
        CxoneRequest request = exchange.getProperty(REQUEST, CxoneRequest.class);
        Message message = exchange.getMessage();
        int status = message.getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
        String requestId = exchange.getProperty(SENT_REQUEST_ID, String.class);
        String cxoneRequestId = null;
        for (String header : settings.correlation().answerHeaders()) {
            String value = message.getHeader(header.strip(), String.class);
            if (value != null && !value.isBlank() && !value.equals(requestId)) {
                cxoneRequestId = value.strip().replaceAll("[^A-Za-z0-9._:-]", "");
                break;
            }
        }
        String body = message.getBody(String.class);
        traffic.answered(request.kind(), status,
                Duration.ofNanos(System.nanoTime() - exchange.getProperty(SENT_AT, Long.class)));
        if (status == 401) {
            token.drop();
            throw new TokenRejectedException("CXone answered 401 to " + request);
        }
        if (status == 429) {
            traffic.throttled();
            Long retryAfter = TenantBackpressure.retryAfter(message.getHeader("Retry-After", String.class));
            if (retryAfter != null && retryAfter > settings.retryAfterCap().toSeconds()) {
                // one answer must not stall every request for a day: this is CXone unavailable, not busy
                backpressure.throttled(null);
                throw new CxoneUnavailableException(status, "CXone answered 429 to " + request + " asking to wait "
                        + retryAfter + " s, over skillsync.cxone.retry-after-cap (" + settings.retryAfterCap().toSeconds()
                        + " s): taken as unavailable", null);
            }
            backpressure.throttled(retryAfter);
            throw new CxoneBusyException(status, "CXone answered 429 (over the rate limit) to " + request);
        }
        if (status == 409) {
            throw new CxoneConflictException("CXone answered 409 (conflict) to " + request);
        }
        if (status >= 500) {
            throw new CxoneBusyException(status, "CXone answered " + status + " to " + request);
        }
        if (status == 403) {
            throw new CxoneException(status, "CXone answered 403 to " + request + ": the API user lacks a permission"
                    + permission(message, body));
        }
        backpressure.succeeded();
        return new CxoneResponse(status, parse(body), requestId, cxoneRequestId,
                message.getHeader("icStatusDescription", String.class),
                traceId(message.getHeader("traceparent", String.class)));
    }

    /** The trace id of a W3C traceparent ({@code 00-<trace id>-<span id>-<flags>}), which tracing adds to each request. */
    static String traceId(String traceparent) {
        String[] parts = traceparent == null ? new String[0] : traceparent.split("-");
        return parts.length == 4 && parts[1].length() == 32 ? parts[1] : null;
    }

    /** A body that is not JSON (an HTML error page) is no reason to retry: it reads as empty. */
    private JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return json.readTree(body);
        } catch (java.io.IOException e) {
            return MissingNode.getInstance();
        }
    }

    private String permission(Message message, String body) {
        String described = message.getHeader("icStatusDescription", String.class);
        if (described != null && !described.isBlank()) {
            return " (" + described + ")";
        }
        return body == null || body.isBlank() ? "" : " (" + body.strip() + ")";
    }
}
