package io.skillsync.cxone;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * CXone's answer to one request.
 *
 * @param body      the parsed JSON body; a missing node when CXone sent none (204)
 * @param requestId the request id SkillSync sent (ours, always there)
 * @param cxoneRequestId the id CXone sent back of its own ({@code CorrelationId}, {@code X-Request-Id}), or null
 *                  when it sent none (an echo of ours is not CXone's)
 * @param statusDescription CXone's {@code icStatusDescription} header: sometimes the only reason of a 400
 * @param traceId   the W3C trace id the request carried when tracing is on, else null
 */
public record CxoneResponse(int status, JsonNode body, String requestId, String cxoneRequestId, String statusDescription,
        String traceId) {

    /** Both ids for a message: ours, and CXone's when it sent one. */
    public String ids() {
        return "request id " + requestId + (cxoneRequestId == null ? "" : ", CXone's " + cxoneRequestId);
    }
}
