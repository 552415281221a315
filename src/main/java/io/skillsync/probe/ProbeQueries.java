package io.skillsync.probe;

import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import io.skillsync.cxone.CxoneJson;
import io.skillsync.cxone.CxonePages;

/** Small helpers the probe's checks share: a read setting as a query, a number anywhere in an answer. */
final class ProbeQueries {

    private ProbeQueries() {
    }

    /** A read query setting as the reads send it (CxonePages.query), to append after skip/top. */
    static String extra(Optional<String> query) {
        String q = CxonePages.query(query);
        return q == null ? "" : "&" + q;
    }

    /** A number field anywhere in an answer (its envelope is not published), or -1. */
    static long findNumber(JsonNode body, String field) {
        JsonNode found = body.findValue(field);
        return found == null ? -1 : CxoneJson.number(found, -1);
    }
}
