package io.skillsync.cxone;

import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;

import io.skillsync.SkillSyncConfig;

/**
 * Sends {@link CxoneRequest}s through route {@code cxone-request} (token, shared throttle, retries), and
 * reads CXone's paged lists. Used by the beans that look things up; writes go through the routes.
 */
@ApplicationScoped
public class CxoneClient {

    private final ProducerTemplate producer;
    private final int pageSize;

    CxoneClient(ProducerTemplate producer, SkillSyncConfig config) {
        this.producer = producer;
        this.pageSize = config.cxone().pageSize();
    }

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
