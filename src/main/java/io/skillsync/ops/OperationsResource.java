package io.skillsync.ops;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.skillsync.console.MappingsPanel;
import io.skillsync.console.Previews;
import io.skillsync.console.RunHistory;
import io.skillsync.console.ScheduledPanel;
import io.skillsync.console.WaitingRosters;
import io.skillsync.cxone.CxoneException;
import io.skillsync.run.DriftReport;

/**
 * The operations API, for scripts: what the console's pages do, as JSON, with HTTP Basic and the same
 * users and roles (viewer reads; operator reruns, releases, cancels what is scheduled, previews, applies,
 * reverts). A change is a POST with {@code Content-Type: application/json} (no body needed): a browser
 * cannot send that across sites without asking first, so no other site's page can make one
 * ({@link JsonChangesOnly}).
 */
@Path("/ops")
@Produces(MediaType.APPLICATION_JSON)
public class OperationsResource {

    private static final String VIEWER = "viewer";
    private static final String OPERATOR = "operator";

    private final RunHistory history;
    private final WaitingRosters waiting;
    private final Previews previews;
    private final ScheduledPanel scheduled;
    private final MappingsPanel mappings;
    private final DriftReport drift;

    OperationsResource(RunHistory history, WaitingRosters waiting, Previews previews, ScheduledPanel scheduled,
            MappingsPanel mappings, DriftReport drift) {
        this.drift = drift;
        this.history = history;
        this.waiting = waiting;
        this.previews = previews;
        this.scheduled = scheduled;
        this.mappings = mappings;
    }

    @GET
    @Path("/runs")
    @RolesAllowed({ VIEWER, OPERATOR })
    public Response runs(@QueryParam("limit") @DefaultValue("20") int limit) throws IOException {
        return Response.ok(history.latest(Math.max(1, Math.min(limit, 500)), null)).build();
    }

    @GET
    @Path("/files")
    @RolesAllowed({ VIEWER, OPERATOR })
    public Response files() throws IOException {
        Map<String, List<String>> folders = new LinkedHashMap<>();
        waiting.all().forEach((folder, files) -> folders.put(folder, files.stream().map(WaitingRosters.Waiting::name).toList()));
        return Response.ok(folders).build();
    }

    /** Reruns a file of error/ (an error file, or an unreadable file once fixed): moves it into the inbox. */
    @POST
    @Path("/error/{file}/rerun")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(OPERATOR)
    public Response rerun(SecurityContext who, @PathParam("file") String file) throws IOException, WaitingRosters.Refused {
        return moved("error/" + file, waiting.rerun(file, who.getUserPrincipal().getName()), who);
    }

    /** Releases a held file deliberately: the release of its content is recorded, then it moves into the inbox. */
    @POST
    @Path("/hold/{file}/release")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(OPERATOR)
    public Response release(SecurityContext who, @PathParam("file") String file) throws IOException, WaitingRosters.Refused {
        return moved("hold/" + file, waiting.release(file, who.getUserPrincipal().getName()), who);
    }

    /** The files waiting under scheduled/ for their time, soonest first: due, kind and rows of each. */
    @GET
    @Path("/scheduled")
    @RolesAllowed({ VIEWER, OPERATOR })
    public Response scheduled() throws IOException {
        return Response.ok(scheduled.all()).build();
    }

    /** Cancels a scheduled file: it moves to error/ with the reason, and nothing of it is written. */
    @POST
    @Path("/scheduled/{file}/cancel")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(OPERATOR)
    public Response cancel(SecurityContext who, @PathParam("file") String file) throws IOException, WaitingRosters.Refused {
        scheduled.cancel(file, who.getUserPrincipal().getName());
        return Response.ok(Map.of("cancelled", "scheduled/" + file, "to", "error/" + file, "by", who.getUserPrincipal().getName()))
                .build();
    }

    /** HR's mapping files as the next run reads them: present, sha256, what each maps, or why runs are stopped. */
    @GET
    @Path("/mappings")
    @RolesAllowed({ VIEWER, OPERATOR })
    public Response mappings() {
        return Response.ok(mappings.all()).build();
    }

    /**
     * Every assignment SkillSync manages that CXone now holds otherwise than SkillSync last set it, read from CXone
     * now (a few requests); 503 when CXone cannot answer.
     */
    @GET
    @Path("/drift")
    @RolesAllowed({ VIEWER, OPERATOR })
    public Response drift() {
        try {
            return Response.ok(drift.now()).build();
        } catch (CxoneException e) {
            return Response.status(503).entity(Map.of("error", "CXone could not be read: " + e.getMessage())).build();
        }
    }

    /** The roster that puts back what a run changed, as a preview (a dry run); apply it once its plan is there. */
    @POST
    @Path("/runs/{runId}/revert")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(OPERATOR)
    public Response revert(SecurityContext who, @PathParam("runId") String runId) throws IOException, WaitingRosters.Refused {
        return Response.accepted(previews.revert(runId, who.getUserPrincipal().getName()).view()).build();
    }

    @GET
    @Path("/previews/{id}")
    @RolesAllowed({ VIEWER, OPERATOR })
    public Response preview(@PathParam("id") String id) throws IOException {
        return previews.find(id).map(p -> Response.ok(p.view()).build())
                .orElse(Response.status(404).entity(Map.of("error", "no preview " + id)).build());
    }

    @POST
    @Path("/previews/{id}/apply")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(OPERATOR)
    public Response apply(SecurityContext who, @PathParam("id") String id) throws IOException, WaitingRosters.Refused {
        return Response.accepted(previews.apply(id, who.getUserPrincipal().getName()).view()).build();
    }

    /** Discards a preview not applied (at most skillsync.console.previews.max-open are open at once). */
    @POST
    @Path("/previews/{id}/discard")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(OPERATOR)
    public Response discard(SecurityContext who, @PathParam("id") String id) throws IOException, WaitingRosters.Refused {
        return Response.ok(previews.discard(id, who.getUserPrincipal().getName()).view()).build();
    }

    /**
     * A change by script says it sends JSON: a page of another site can send a POST without a body or as a form
     * or plain text, with the browser's remembered Basic credentials, but not as JSON without asking first.
     * Exactly application/json, with at most a charset: not a wildcard such as {@code *}{@code /*} or
     * {@code application/*}, which would merely be compatible with it (security review N14).
     */
    static final class JsonChangesOnly {
        @ServerRequestFilter
        public Response refuseOtherPosts(ContainerRequestContext request) {
            boolean change = !"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod());
            if (change && request.getUriInfo().getPath().startsWith("/ops/") && !json(request.getMediaType())) {
                return Response.status(415).type(MediaType.APPLICATION_JSON)
                        .entity(Map.of("error", "a change is a POST with Content-Type: application/json")).build();
            }
            return null;
        }

        static boolean json(MediaType type) {
            return type != null && "application".equalsIgnoreCase(type.getType()) && "json".equalsIgnoreCase(type.getSubtype())
                    && type.getParameters().keySet().stream().allMatch("charset"::equalsIgnoreCase);
        }
    }

    private static Response moved(String from, String to, SecurityContext who) {
        return Response.accepted(Map.of("moved", from, "to", "inbox/" + to, "by", who.getUserPrincipal().getName())).build();
    }

    /** An action the files or the runs refused (no such file, already applied, ...): its status, and why. */
    @ServerExceptionMapper
    Response refused(WaitingRosters.Refused e) {
        return Response.status(e.status()).type(MediaType.APPLICATION_JSON).entity(Map.of("error", e.getMessage())).build();
    }
}
