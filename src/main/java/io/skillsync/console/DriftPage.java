package io.skillsync.console;

import static io.skillsync.console.ConsoleLinks.name;
import static io.skillsync.console.ConsoleLinks.operator;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import io.skillsync.cxone.CxoneException;
import io.skillsync.run.DriftReport;

/**
 * The console's drift report: what {@code GET /ops/drift} answers, for an operator at a browser. A page of its own,
 * not a panel of the console's front page, as it asks CXone each time it is opened.
 */
@Path("/console/drift")
@Produces(MediaType.TEXT_HTML)
public class DriftPage {

    @CheckedTemplate(basePath = "console")
    static class Templates {
        static native TemplateInstance drift(String user, boolean operator, DriftReport.Report report, String error,
                int most);
    }

    private final DriftReport drift;

    DriftPage(DriftReport drift) {
        this.drift = drift;
    }

    @GET
    @RolesAllowed({ ConsoleResource.VIEWER, ConsoleResource.OPERATOR })
    public TemplateInstance page(SecurityContext who) {
        try {
            return Templates.drift(name(who), operator(who), drift.now(), null, DriftReport.MOST_ITEMS);
        } catch (CxoneException e) {
            return Templates.drift(name(who), operator(who), null, "CXone could not be read: " + e.getMessage(),
                    DriftReport.MOST_ITEMS);
        }
    }
}
