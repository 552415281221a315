package io.skillsync.cxone;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import org.jboss.logging.Logger;

import io.skillsync.config.PerUnit;
import io.skillsync.config.SkillSyncConfig;

/**
 * Reads CXone's paged lists ({@code skip}/{@code top}), one request a page, each through
 * {@link CxoneClient#send} (a bean of its own, so that every page passes its circuit breaker). Tolerant
 * where NICE is silent (cxone-api.md, Reads): any 2xx with a body is a page (206 too), 204 or an empty
 * page ends the list, the list may sit under {@code resultSet}; without {@code totalRecords} the read goes
 * on while pages come back full. A page that starts with the previous page's first item means CXone
 * ignores {@code skip}: the read stops with an error rather than miss records silently.
 */
@ApplicationScoped
public class CxonePages {

    /** The current unit's settings, read at each call. */
    private final SkillSyncConfig config;

    private static final Logger LOG = Logger.getLogger(CxonePages.class);

    private final CxoneClient cxone;
    private final long progressMillis;
    /** What this bean keeps of one unit's tenant, for each unit ({@link PerUnit}). */
    private final PerUnit<Ends> state = new PerUnit<>(unit -> new Ends());
    /** Variants already said in the log, so each is said once per process. */
    private final Set<String> said = ConcurrentHashMap.newKeySet();

    CxonePages(CxoneClient cxone, SkillSyncConfig config) {
        this.config = config;
        this.cxone = cxone;
        this.progressMillis = config.progress().interval().toMillis();
    }

    /**
     * Reads every page of a list and hands each item to {@code each}.
     *
     * @param query extra query parameters (without skip/top), or null
     * @return the number of requests it took
     */
    public int readAll(String path, String query, String listField, Consumer<JsonNode> each) {
        return readAll(path, query, listField, each, body -> { });
    }

    /** Like the above, and hands each page's whole answer to {@code eachPage} (for fields beside the list). */
    public int readAll(String path, String query, String listField, Consumer<JsonNode> each, Consumer<JsonNode> eachPage) {
        Page first = page(path, query, listField, 0);
        eachPage.accept(first.body());
        first.items().forEach(each);
        return 1 + readPages(path, query, listField, first, page -> {
            eachPage.accept(page.body());
            page.items().forEach(each);
        });
    }

    /** The pages after {@code first} (read on its own to decide how to go on). */
    public int readPages(String path, String query, String listField, Page first, Consumer<Page> each) {
        Ends kept = state.get();
        int requests = 0;
        Page previous = first;
        int skip = first.items().size();
        long saidAt = System.currentTimeMillis();
        while (previous.hasMore(skip, kept.cap > 0 ? kept.cap : pageSize()) || endUnsure(previous)) {
            if (System.currentTimeMillis() - saidAt >= progressMillis) {
                // a long read is not silence: a 50-page read at 200 a minute takes 15 s
                saidAt = System.currentTimeMillis();
                LOG.infof("reading GET %s: %,d record(s) so far%s", path, skip,
                        previous.total() >= 0 ? " of " + String.format("%,d", previous.total()) : "");
            }
            Page page = page(path, query, listField, skip);
            requests++;
            if (!page.items().isEmpty() && page.items().get(0).equals(previous.items().get(0))) {
                throw new CxoneException(page.status(), "CXone ignored skip on GET " + path + ": the page from record "
                        + skip + " starts with the same record as the one before it. The read stops here rather than "
                        + "miss records past the first page; check the API version in skillsync.cxone.api-url "
                        + "(" + page.ids() + ")");
            }
            if (endUnsure(previous) && page.items().isEmpty()) {
                kept.shortEnd = Math.max(kept.shortEnd, previous.items().size());
            } else if (endUnsure(previous)) {
                kept.cap = previous.items().size();
                LOG.warnf("CXone answers at most %d records a page of GET %s (SkillSync asks for %d) and sends no"
                        + " totalRecords: a page of %d counts as full from now on", kept.cap, path, pageSize(), kept.cap);
            }
            each.accept(page);
            skip += page.items().size();
            previous = page;
        }
        return requests;
    }

    /** A short page without totalRecords that may be CXone's cap rather than the list's end. */
    private boolean endUnsure(Page page) {
        Ends kept = state.get();
        return kept.cap == 0 && page.total() < 0 && page.status() != 204 && page.items().size() > kept.shortEnd
                && page.items().size() < pageSize();
    }

    public Page page(String path, String query, String listField, int skip) {
        return page(path, query, listField, skip, pageSize());
    }

    /** One page of at most {@code top} records ({@code top=1}: a count, from totalRecords). */
    public Page page(String path, String query, String listField, int skip, int top) {
        String paging = "skip=" + skip + "&top=" + top;
        CxoneResponse response = cxone.send(CxoneRequest.read(path, query == null || query.isBlank() ? paging
                : paging + "&" + query));
        if (response.status() == 204) {
            return new Page(204, -1, MissingNode.getInstance(), MissingNode.getInstance(), response.ids());
        }
        if (response.status() / 100 != 2) {
            throw new CxoneException(response.status(), "CXone answered " + response.status() + " to GET " + path
                    + describe(response) + " (" + response.ids() + ")");
        }
        if (response.status() != 200 && said.add(response.status() + " " + path)) {
            LOG.infof("CXone answered %d for a list page of GET %s: taken as a page", response.status(), path);
        }
        JsonNode body = response.body();
        JsonNode items = CxoneJson.list(body, listField);
        if (CxoneJson.underResultSet(body, listField) && said.add("resultSet " + path)) {
            LOG.infof("CXone answered GET %s with its list under resultSet (an older API version): taken as the list", path);
        }
        if (!items.isArray() && !body.isMissingNode() && said.add("no list " + path)) {
            LOG.warnf("CXone answered GET %s without a '%s' list: read as an empty page", path, listField);
        }
        int total = CxoneJson.totalRecords(body);
        if (total < 0 && items.size() > 0 && said.add("no total " + path)) {
            LOG.infof("CXone answered GET %s without totalRecords: reading on while pages come back full", path);
        }
        return new Page(response.status(), total, items, body, response.ids());
    }

    /** {@code first} and the setting's extra parameters ({@link #query}, may be null) as one query string. */
    static String withQuery(String first, String extra) {
        return extra == null ? first : first + "&" + extra;
    }

    /** Extra query parameters of a read, from a setting, or null. */
    public static String query(java.util.Optional<String> setting) {
        return setting.map(String::strip).filter(q -> !q.isEmpty()).map(q -> q.startsWith("?") ? q.substring(1) : q)
                .orElse(null);
    }

    private static String describe(CxoneResponse response) {
        String described = response.statusDescription();
        return described == null || described.isBlank() ? "" : " (" + described + ")";
    }

    /** @param total CXone's totalRecords, or -1 when it sent none */
    public record Page(int status, int total, JsonNode items, JsonNode body, String ids) {

        /** Whether a list that has given {@code read} records so far goes on after this page. */
        boolean hasMore(int read, int pageSize) {
            if (items.isEmpty() || status == 204) {
                return false;
            }
            return total >= 0 ? read < total : items.size() >= pageSize;
        }
    }

    private static final class Ends {
        /**
         * Without totalRecords a page shorter than {@code top} ends a list, unless CXone caps its pages below
         * {@code top} (a silent truncation): a short page longer than any seen to end a list is followed by one
         * more read. An empty answer makes that size a known end; records make it CXone's cap, and a page of
         * that size counts as full from then on.
         */
        volatile int cap;
        volatile int shortEnd;
    }

    private int pageSize() {
        return config.cxone().pageSize();
    }
}
