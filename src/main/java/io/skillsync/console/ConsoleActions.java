package io.skillsync.console;

import static io.skillsync.console.ConsoleLinks.home;
import static io.skillsync.console.ConsoleLinks.name;
import static io.skillsync.console.ConsoleLinks.toPreview;
import static io.skillsync.console.ConsoleResource.OPERATOR;
import static io.skillsync.console.ConsoleResource.VIEWER;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import org.jboss.resteasy.reactive.RestCookie;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The operators' actions on the console: rerun, release, preview, apply, revert, sign out. Each is a form
 * POST carrying the session's CSRF token ({@link ConsoleCsrf}, {@link CsrfTokens}) and answers with a
 * redirect to a page ({@link ConsoleResource}) naming one of the console's own messages; a change needs the
 * operator role.
 */
@Path("/console")
@Produces(MediaType.TEXT_HTML)
public class ConsoleActions {

    private final WaitingRosters waiting;
    private final ScheduledPanel scheduled;
    private final Previews previews;
    private final CsrfTokens csrf;
    private final SignOuts signOuts;
    private final ConsoleResource pages;

    ConsoleActions(WaitingRosters waiting, ScheduledPanel scheduled, Previews previews, CsrfTokens csrf, SignOuts signOuts,
            ConsoleResource pages) {
        this.waiting = waiting;
        this.scheduled = scheduled;
        this.previews = previews;
        this.csrf = csrf;
        this.signOuts = signOuts;
        this.pages = pages;
    }

    @POST
    @Path("/rerun")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(OPERATOR)
    public Response rerun(SecurityContext who, @RestForm String file, @RestForm(ConsoleCsrf.FIELD) String token,
            @RestCookie(ConsoleCsrf.COOKIE) String cookie) throws IOException, WaitingRosters.Refused {
        csrf.verify(token, cookie, name(who));
        waiting.rerun(file, name(who));
        return home(ConsoleMessage.RERUN);
    }

    @POST
    @Path("/release")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(OPERATOR)
    public Response release(SecurityContext who, @RestForm String file, @RestForm(ConsoleCsrf.FIELD) String token,
            @RestCookie(ConsoleCsrf.COOKIE) String cookie) throws IOException, WaitingRosters.Refused {
        csrf.verify(token, cookie, name(who));
        waiting.release(file, name(who));
        return home(ConsoleMessage.RELEASED);
    }

    /** Cancels a scheduled file: it moves to error/ with the reason, and nothing of it is written. */
    @POST
    @Path("/cancel-scheduled")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(OPERATOR)
    public Response cancelScheduled(SecurityContext who, @RestForm String file, @RestForm(ConsoleCsrf.FIELD) String token,
            @RestCookie(ConsoleCsrf.COOKIE) String cookie) throws IOException, WaitingRosters.Refused {
        csrf.verify(token, cookie, name(who));
        try {
            scheduled.cancel(file, name(who));
        } catch (WaitingRosters.Refused e) {
            if (e.status() != 404) {
                throw e;
            }
            // the page as it is now, saying so: a 404 a script sees, the current list a person sees
            return Response.status(404).entity(pages.index(who, e.says().key())).build();
        }
        return home(ConsoleMessage.CANCELLED);
    }

    /**
     * A preview of an uploaded roster. Quarkus has streamed the upload to a temporary file (the request body
     * is limited to max-file-size: {@link UploadLimit}); the preview copies it from there, streamed.
     */
    @POST
    @Path("/preview")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed(OPERATOR)
    public Response previewUpload(SecurityContext who, @RestForm("roster") FileUpload roster,
            @RestForm(ConsoleCsrf.FIELD) String token, @RestCookie(ConsoleCsrf.COOKIE) String cookie)
            throws IOException, WaitingRosters.Refused {
        csrf.verify(token, cookie, name(who));
        if (roster == null || roster.uploadedFile() == null) {
            return home(ConsoleMessage.CHOOSE_FILE);
        }
        Preview preview = previews.create(roster.fileName(), roster.uploadedFile(), "upload " + roster.fileName(), name(who));
        return toPreview(preview.id(), null);
    }

    /** A preview of a file waiting in error/. */
    @POST
    @Path("/preview-waiting")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(OPERATOR)
    public Response previewWaiting(SecurityContext who, @RestForm String file, @RestForm(ConsoleCsrf.FIELD) String token,
            @RestCookie(ConsoleCsrf.COOKIE) String cookie) throws IOException, WaitingRosters.Refused {
        csrf.verify(token, cookie, name(who));
        return toPreview(previews.create(file, waiting.existing("error", file), "error/" + file, name(who)).id(), null);
    }

    /** Discards a preview not applied: it no longer counts against max-open. */
    @POST
    @Path("/discard")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(OPERATOR)
    public Response discard(SecurityContext who, @RestForm String id, @RestForm(ConsoleCsrf.FIELD) String token,
            @RestCookie(ConsoleCsrf.COOKIE) String cookie) throws IOException, WaitingRosters.Refused {
        csrf.verify(token, cookie, name(who));
        previews.discard(id, name(who));
        return home(ConsoleMessage.DISCARDED);
    }

    @POST
    @Path("/apply")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(OPERATOR)
    public Response apply(SecurityContext who, @RestForm String id, @RestForm(ConsoleCsrf.FIELD) String token,
            @RestCookie(ConsoleCsrf.COOKIE) String cookie) throws IOException {
        csrf.verify(token, cookie, name(who));
        try {
            previews.apply(id, name(who));
            return toPreview(id, ConsoleMessage.APPLIED);
        } catch (WaitingRosters.Refused e) {
            return toPreview(id, e.says());
        }
    }

    @POST
    @Path("/revert")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(OPERATOR)
    public Response revert(SecurityContext who, @RestForm String run, @RestForm(ConsoleCsrf.FIELD) String token,
            @RestCookie(ConsoleCsrf.COOKIE) String cookie) throws IOException, WaitingRosters.Refused {
        csrf.verify(token, cookie, name(who));
        return toPreview(previews.revert(run, name(who)).id(), null);
    }

    /**
     * Signs out: the session cookie expires in this browser, and the sign-out is recorded, so every session of
     * this user issued until now is refused from here on, a copy of this cookie too ({@link RevokedSessions}).
     */
    @POST
    @Path("/sign-out")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ VIEWER, OPERATOR })
    public Response signOut(SecurityContext who, @RestForm(ConsoleCsrf.FIELD) String token,
            @RestCookie(ConsoleCsrf.COOKIE) String cookie) throws IOException {
        csrf.verify(token, cookie, name(who));
        signOuts.signedOut(name(who), Instant.now());
        return Response.seeOther(URI.create("/console/login"))
                .cookie(new jakarta.ws.rs.core.NewCookie.Builder("quarkus-credential").value("").path("/").maxAge(0).build()).build();
    }

    /** An action the files or the runs refused (no such file, already applied, ...): back to the console, saying why. */
    @ServerExceptionMapper
    Response refused(WaitingRosters.Refused refused) {
        return home(refused.says());
    }
}
