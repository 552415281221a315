package io.skillsync.cxone;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import io.skillsync.config.CxoneSettings.Reads.InactiveAssignments;

/**
 * The queries of a tenant-wide assignment read. NICE's published OpenAPI marks {@code isActive} and
 * {@code isAgentActive} as required on {@code GET /agents/skills}: a tenant that enforces its schema answers
 * 400 without them, so each value of each flag the settings leave open is asked for in turn (inactive
 * assignments and inactive agents' ones included, as the reads before this did).
 */
final class AssignmentQueries {

    private AssignmentQueries() {
    }

    /**
     * The query of each read of one set of assignments: the setting's extra parameters once
     * ({@code returned}), or once per isActive value ({@code by-flag}: inactive ones only when asked).
     */
    static List<String> perRead(InactiveAssignments inactiveAssignments, String extra) {
        return switch (inactiveAssignments) {
            case BY_FLAG -> List.of(CxonePages.withQuery("isActive=true", extra), CxonePages.withQuery("isActive=false", extra));
            case RETURNED -> Collections.singletonList(extra);
        };
    }

    /** Each query with isActive and isAgentActive given, one query per value of a flag it does not name. */
    static List<String> withRequiredFlags(List<String> queries) {
        List<String> flagged = new ArrayList<>();
        for (String query : queries) {
            List<String> step = new ArrayList<>(Collections.singletonList(query));
            for (String flag : List.of("isActive", "isAgentActive")) {
                if (names(query, flag)) {
                    continue;
                }
                List<String> next = new ArrayList<>();
                for (String q : step) {
                    next.add(CxonePages.withQuery(flag + "=true", q));
                    next.add(CxonePages.withQuery(flag + "=false", q));
                }
                step = next;
            }
            flagged.addAll(step);
        }
        return List.copyOf(flagged);
    }

    private static boolean names(String query, String flag) {
        return query != null && Arrays.stream(query.split("&"))
                .anyMatch(part -> part.toLowerCase(Locale.ROOT).startsWith(flag.toLowerCase(Locale.ROOT) + "="));
    }

}
