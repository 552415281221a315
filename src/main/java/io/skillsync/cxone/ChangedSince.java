package io.skillsync.cxone;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * CXone's "changed since" filter, as every read that asks it uses it: its two names, the overlap before a
 * watermark, and which name a list honours. NICE's v30 callers and SDK send {@code updatedSince}; its v34
 * schema spells it {@code updateSince}. Whether a tenant honours either is unknown (cxone-api.md), so it is
 * asked, never assumed.
 */
public final class ChangedSince {

    /** The names, in the order they are tried. */
    public static final List<String> NAMES = List.of("updatedSince", "updateSince");
    /** A read reaches this far before the watermark: a change stamped in the same second is not missed. */
    static final Duration OVERLAP = Duration.ofMinutes(2);

    private ChangedSince() {
    }

    /** The query parameter asking {@code name} for what changed since {@code at}, less the overlap. */
    public static String query(String name, Instant at) {
        return name + "=" + at.minus(OVERLAP).truncatedTo(ChronoUnit.SECONDS);
    }

    /** A date a day ahead: an honoured filter answers it with nothing. */
    public static String tomorrow() {
        return Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /**
     * What {@link #honoured} found.
     *
     * @param name     the name CXone honours, or null when it honours neither
     * @param requests the requests it took
     * @param seen     what each ignored or refused name got, for the log line
     */
    record Honoured(String name, int requests, String seen) {
    }

    /**
     * Which name CXone honours on {@code path}, asked with a date a day ahead: records in the answer mean the
     * name is ignored; a 4xx means it is not served (never a stopped run: the list is then read whole).
     */
    static Honoured honoured(CxonePages cxone, String path, String extra, String listField) {
        String tomorrow = tomorrow();
        StringBuilder seen = new StringBuilder();
        int requests = 0;
        for (String name : NAMES) {
            requests++;
            try {
                if (cxone.page(path, CxonePages.withQuery(name + "=" + tomorrow, extra), listField, 0, 1).items().isEmpty()) {
                    return new Honoured(name, requests, "");
                }
                seen.append(name).append(": ").append(listField).append(" changed tomorrow came back; ");
            } catch (CxoneException e) {
                if (e.status() / 100 != 4) {
                    throw e;
                }
                seen.append(name).append(": answered ").append(e.status()).append("; ");
            }
        }
        return new Honoured(null, requests, seen.toString().strip());
    }
}
