package io.skillsync.cxone;

import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

import io.skillsync.SkillSyncConfig;

/**
 * Reads CXone's paged lists ({@code skip}/{@code top}, {@code totalRecords}), one request a page, each
 * through {@link CxoneClient#send} (a bean of its own, so that every page passes its circuit breaker).
 */
@ApplicationScoped
public class CxonePages {

    private final CxoneClient cxone;
    private final int pageSize;

    CxonePages(CxoneClient cxone, SkillSyncConfig config) {
        this.cxone = cxone;
        this.pageSize = config.cxone().pageSize();
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
        CxoneResponse response = cxone.send(CxoneRequest.read(path, "skip=" + skip + "&top=" + pageSize));
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
