package io.skillsync.console;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The links of a run's page: to each outcome's rows and to the pages of the rows shown, each keeping the
 * other filters (the outcome, the text) as they are.
 */
public record RowPages(String runId, String outcome, String text, int page, int pages) {

    /** A link to a page of rows: its label, its address, whether it is the page shown, its rel (prev, next or none). */
    public record Link(String label, String href, boolean current, String rel) {
    }

    /** Pages either side of the one shown that get a link of their own, between first and last. */
    static final int AROUND = 3;

    /** The rows of {@code anOutcome} (blank: every outcome), from their first page, with the same text. */
    public String outcomeHref(String anOutcome) {
        return href(anOutcome, text, 1);
    }

    /** Links to the first page, the previous one, a few around this one, the next one, the last one. */
    public List<Link> links() {
        List<Link> links = new ArrayList<>();
        if (pages <= 1) {
            return links;
        }
        if (page > 1) {
            links.add(new Link("\u2039 previous", href(outcome, text, page - 1), false, "prev"));
        }
        for (int n = 1; n <= pages; n++) {
            if (n == 1 || n == pages || Math.abs(n - page) <= AROUND) {
                links.add(new Link(String.valueOf(n), href(outcome, text, n), n == page, ""));
            } else if (n == 2 || n == pages - 1) {
                links.add(new Link("\u2026", "", false, ""));
            }
        }
        if (page < pages) {
            links.add(new Link("next \u203a", href(outcome, text, page + 1), false, "next"));
        }
        return links;
    }

    private String href(String anOutcome, String aText, int aPage) {
        return "/console/run?id=" + encode(runId) + (anOutcome.isEmpty() ? "" : "&outcome=" + encode(anOutcome))
                + (aText.isEmpty() ? "" : "&q=" + encode(aText)) + (aPage > 1 ? "&page=" + aPage : "");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
