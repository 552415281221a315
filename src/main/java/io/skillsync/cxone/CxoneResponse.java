package io.skillsync.cxone;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * CXone's answer to one request.
 *
 * @param body      the parsed JSON body; a missing node when CXone sent none (204)
 * @param requestId CXone's {@code X-Request-Id}, or the one SkillSync sent when CXone echoed none
 * @param statusDescription CXone's {@code icStatusDescription} header: sometimes the only reason of a 400
 * @param traceId   the W3C trace id the request carried when tracing is on, else null
 */
public record CxoneResponse(int status, JsonNode body, String requestId, String statusDescription, String traceId) {
}
