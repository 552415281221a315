package io.skillsync.console;

import static io.skillsync.console.ConsoleLinks.name;
import static io.skillsync.console.ConsoleLinks.operator;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import io.skillsync.record.RunRecords;

/**
 * The operators' console: pages served by the service. A viewer sees every run, its rows and reasons,
 * the run in progress, the files waiting (and those scheduled for later), HR's mapping files and the tenant's
 * state; an operator also reruns, releases, cancels what is scheduled, previews, applies and reverts
 * ({@link ConsoleActions}, each a form POST carrying the CSRF token); users and roles are Quarkus' own (README
 * "The console"). The pages read the run records on disk, so
 * either replica serves them.
 */
@Path("/console")
@Produces(MediaType.TEXT_HTML)
public class ConsoleResource {

    static final String VIEWER = "viewer";
    static final String OPERATOR = "operator";
    /** The longest text a run's rows are filtered by: an e-mail, a skill, a few words of a reason. */
    static final int TEXT_MAX = 200;
    static final List<String> OUTCOMES = List.of("applied", "unchanged", "rejected", "failed", "planned");

    @CheckedTemplate(basePath = "console")
    static class Templates {
        static native TemplateInstance login(boolean error, boolean off);

        static native TemplateInstance index(String user, boolean operator, List<RunLine> runs, String chart,
                Map<String, List<WaitingRosters.Waiting>> folders, LiveState.Progress progress, Map<String, Object> tenant,
                List<LiveState.Check> checks, List<Preview> previews, List<OperatorActions.Action> actions,
                ConsoleMessage message, List<ScheduledPanel.Scheduled> scheduled, List<MappingsPanel.MappingState> mappings,
                boolean mappingsStopRuns);

        static native TemplateInstance run(String user, boolean operator, RunLine run, List<String> heldBecause,
                String outcome, String text, List<String> outcomes, AuditRows.Page rows, RowPages pager, boolean hasAudit,
                boolean hasErrors, boolean hasUndo);

        static native TemplateInstance preview(String user, boolean operator, Preview preview, RunLine plan,
                List<String> wouldBeHeld, AuditRows.Page rows, ConsoleMessage message);
    }

    private final RunHistory history;
    private final AuditRows auditRows;
    private final WaitingRosters waiting;
    private final ScheduledPanel scheduled;
    private final MappingsPanel mappings;
    private final Previews previews;
    private final LiveState live;
    private final OperatorActions actions;
    private final ConsoleUsers users;
    private final ObjectMapper json;

    ConsoleResource(RunHistory history, AuditRows auditRows, WaitingRosters waiting, ScheduledPanel scheduled,
            MappingsPanel mappings, Previews previews, LiveState live, OperatorActions actions, ConsoleUsers users,
            ObjectMapper json) {
        this.history = history;
        this.auditRows = auditRows;
        this.waiting = waiting;
        this.scheduled = scheduled;
        this.mappings = mappings;
        this.previews = previews;
        this.live = live;
        this.actions = actions;
        this.users = users;
        this.json = json;
    }

    @GET
    @Path("/login")
    @PermitAll
    public TemplateInstance login(@QueryParam("error") String error) {
        return Templates.login(error != null, users.none());
    }

    @GET
    @RolesAllowed({ VIEWER, OPERATOR })
    public TemplateInstance index(SecurityContext who, @QueryParam("message") String message) throws IOException {
        List<JsonNode> summaries = history.latest(200, Instant.now().minus(Duration.ofDays(30)));
        List<RunLine> runs = new ArrayList<>();
        for (JsonNode summary : summaries) {
            runs.add(RunLine.of(summary));
        }
        List<MappingsPanel.MappingState> hrWords = mappings.all();
        return Templates.index(name(who), operator(who), runs, RunLine.chart(runs, json), waiting.all(), live.progress(), live.tenant(),
                live.checks(), previews.latest(10), actions.latest(20), ConsoleLinks.message(message), scheduled.all(), hrWords,
                MappingsPanel.stopsRuns(hrWords));
    }

    /** The run in progress and the tenant's state, for the page's refresh every few seconds. */
    @GET
    @Path("/live")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ VIEWER, OPERATOR })
    public Map<String, Object> live() {
        LiveState.Progress progress = live.progress();
        return progress == null ? Map.of("tenant", live.tenant()) : Map.of("progress", progress, "tenant", live.tenant());
    }

    /**
     * A run and its rows, a page at a time ({@code page}, from 1), of one outcome or all, and holding a text
     * ({@code q}) in their e-mail, skill or reason, if asked.
     */
    @GET
    @Path("/run")
    @RolesAllowed({ VIEWER, OPERATOR })
    public Response run(SecurityContext who, @QueryParam("id") String runId, @QueryParam("outcome") String outcome,
            @QueryParam("q") String q, @QueryParam("page") String page) throws IOException {
        JsonNode summary = history.summary(runId).orElse(null);
        if (summary == null) {
            return Response.status(404).entity("no run " + runId).type(MediaType.TEXT_PLAIN).build();
        }
        String only = outcome != null && OUTCOMES.contains(outcome) ? outcome : "";
        String text = q == null ? "" : q.strip().substring(0, Math.min(q.strip().length(), TEXT_MAX));
        int asked = page != null && page.matches("\\d{1,9}") ? Integer.parseInt(page) : 1;
        AuditRows.Page rows = auditRows.page(summary, new AuditRows.Filter(only, text, asked));
        RowPages pager = new RowPages(summary.path("runId").asText(), only, text, rows.page(), rows.pages());
        return Response.ok(Templates.run(name(who), operator(who), RunLine.of(summary), RunLine.texts(summary.path("heldBecause")), only,
                text, OUTCOMES, rows, pager, history.output(summary, RunRecords.AUDIT).isPresent(),
                history.output(summary, RunRecords.ERRORS).isPresent(), history.output(summary, RunRecords.UNDO).isPresent())).build();
    }

    /** A run's audit, error file or undo roster, as a download. */
    @GET
    @Path("/download")
    @Produces("text/csv")
    @RolesAllowed({ VIEWER, OPERATOR })
    public Response download(@QueryParam("id") String runId, @QueryParam("kind") String kind) throws IOException {
        String suffix = switch (kind == null ? "" : kind) {
            case "audit" -> RunRecords.AUDIT;
            case "errors" -> RunRecords.ERRORS;
            case "undo" -> RunRecords.UNDO;
            default -> null;
        };
        JsonNode summary = suffix == null ? null : history.summary(runId).orElse(null);
        java.nio.file.Path file = summary == null ? null : history.output(summary, suffix).orElse(null);
        if (file == null) {
            return Response.status(404).type(MediaType.TEXT_PLAIN).entity("no such file").build();
        }
        InputStream content = Files.newInputStream(file);
        return Response.ok(content).header("Content-Disposition", "attachment; filename=\"" + file.getFileName() + "\"").build();
    }

    @GET
    @Path("/preview")
    @RolesAllowed({ VIEWER, OPERATOR })
    public Response preview(SecurityContext who, @QueryParam("id") String id, @QueryParam("message") String message)
            throws IOException {
        Preview preview = previews.find(id).orElse(null);
        if (preview == null) {
            return Response.status(404).type(MediaType.TEXT_PLAIN).entity("no preview " + id).build();
        }
        RunLine plan = preview.planned() ? RunLine.of(preview.plan()) : null;
        AuditRows.Page rows = preview.planned() ? auditRows.page(preview.plan(), AuditRows.Filter.all()) : null;
        List<String> wouldBeHeld = preview.planned() ? RunLine.texts(preview.plan().path("wouldBeHeld")) : List.of();
        return Response.ok(Templates.preview(name(who), operator(who), preview, plan, wouldBeHeld, rows,
                ConsoleLinks.message(message))).build();
    }

}
