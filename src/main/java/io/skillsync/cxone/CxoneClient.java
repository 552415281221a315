package io.skillsync.cxone;

import java.util.function.Consumer;

import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;

import io.skillsync.SkillSyncConfig;

/**
 * Sends every {@link CxoneRequest} through route {@code cxone-request} (token, backpressure, the shared
 * throttle, retries), and reads CXone's paged lists. Its circuit breaker counts requests that failed
 * after every retry: five in a row open it, and for a minute ({@code .../CircuitBreaker/delay}) no request
 * is sent at all, so a tenant that is down is not hammered; the run stops and its file waits in the inbox.
 */
@ApplicationScoped
@Named("cxoneClient")
public class CxoneClient {

    private final ProducerTemplate producer;
    private final int pageSize;

    CxoneClient(ProducerTemplate producer, SkillSyncConfig config) {
        this.producer = producer;
        this.pageSize = config.cxone().pageSize();
    }

    @CircuitBreaker(requestVolumeThreshold = 5, failureRatio = 1.0, delay = 60, delayUnit = ChronoUnit.SECONDS,
            failOn = CxoneUnavailableException.class)
    public CxoneResponse send(CxoneRequest request) {
        try {
            return producer.requestBody("direct:cxone-request", request, CxoneResponse.class);
        } catch (CamelExecutionException e) {
            throw unwrap(e);
        }
    }

    /** A CXone failure as it happened, without the wrapping of Camel's split or producer. */
    public static RuntimeException unwrap(Throwable e) {
        Throwable cause = e;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CxoneException) {
                cause = t;
                break;
            }
            if (t.getCause() == null) {
                cause = t;
            }
        }
        if (cause instanceof TokenRejectedException) {
            return new CxoneCredentialsException(401, "CXone refused a freshly renewed token (401 twice): credentials refused");
        }
        if (cause instanceof CxoneBusyException busy && !(cause instanceof CxoneConflictException)) {
            return new CxoneUnavailableException(busy.status(), busy.getMessage() + ", and to every retry", busy);
        }
        if (cause instanceof java.io.IOException) {
            return new CxoneUnavailableException(0, "CXone could not be reached: " + cause, cause);
        }
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        return new CxoneException(0, "CXone could not be reached: " + cause, cause);
    }

    /**
     * Reads every page of a list ({@code skip}/{@code top}) and hands each item to {@code each}. Stops at
     * the last page by {@code totalRecords}, on an empty page, or on 204 No Content.
     *
     * @return the number of requests it took
     */
    public int readAll(String path, String listField, Consumer<JsonNode> each) {
        return readPages(path, listField, 0, each);
    }

    /** Like {@link #readAll} from page {@code skip}; used after a first page has been read on its own. */
    public int readPages(String path, String listField, int skip, Consumer<JsonNode> each) {
        int requests = 0;
        while (true) {
            Page page = page(path, listField, skip);
            requests++;
            page.items().forEach(each);
            skip += page.items().size();
            if (page.items().isEmpty() || skip >= page.total()) {
                return requests;
            }
        }
    }

    public Page page(String path, String listField, int skip) {
        CxoneResponse response = send(CxoneRequest.read(path, "skip=" + skip + "&top=" + pageSize));
        if (response.status() == 204) {
            return new Page(0, MissingNode.getInstance());
        }
        if (response.status() != 200) {
            throw new CxoneException(response.status(), "CXone answered " + response.status() + " to GET " + path
                    + " (X-Request-Id " + response.requestId() + ")");
        }
        JsonNode items = response.body().path(listField);
        return new Page(response.body().path("totalRecords").asInt(items.size()), items);
    }

    public record Page(int total, JsonNode items) {
    }
}
