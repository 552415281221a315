package io.skillsync.console;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import io.skillsync.config.SkillSyncConfig;

/**
 * An upload larger than a roster may be. A request body is limited to {@code skillsync.intake.max-file-size}
 * ({@code quarkus.http.limits.max-body-size} is set from it), and Quarkus refuses a larger one before
 * storing any of it, from its Content-Length, with an empty 413 (its check is route order -2). Just before
 * that (and after sign-in is checked), the console's upload says why instead: back to the console with the
 * limit, as any refused action.
 * A body sent without a length (chunked; browsers and curl send one) is cut off as it streams in, by
 * Quarkus, with that empty 413.
 */
@ApplicationScoped
class UploadLimit {

    /** The current unit's settings, read at each call. */
    private final SkillSyncConfig config;


    UploadLimit(SkillSyncConfig config) {
        this.config = config;
    }

    void onStart(@Observes Router router) {
        router.post("/console/preview").order(-3).handler(this::refuseTooLarge);
    }

    private void refuseTooLarge(RoutingContext request) {
        String length = request.request().getHeader("Content-Length");
        long bytes = length == null || !length.matches("\\d{1,18}") ? -1 : Long.parseLong(length);
        if (bytes <= maxFileSize()) {
            request.next();
            return;
        }
        String back = "/console?message=" + ConsoleMessage.UPLOAD_TOO_LARGE.key();
        // the body is not read: the connection cannot carry another request after this answer
        request.response().setStatusCode(303).putHeader("Location", back).putHeader("Connection", "close").end();
    }

    private long maxFileSize() {
        return config.intake().maxFileSize();
    }
}
