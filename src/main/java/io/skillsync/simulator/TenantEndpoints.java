package io.skillsync.simulator;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.skillsync.config.SimulatorSettings.Credentials;
import io.skillsync.config.SkillSyncConfig;

/**
 * One simulated tenant's HTTP face, below its base ({@code /sim} for the default tenant, {@code /sim/tenants/<name>}
 * for a named one, see {@link SimulatorResource}): the token endpoint at {@code <base>/auth/token}, discovery at
 * {@code <base>/.well-known/cxone-configuration}, the API under {@code <base>/inContactAPI/services/v30.0}, and
 * {@code <base>/admin/*} to look at the tenant's state. Written once for every tenant. Answers 404 everywhere
 * unless {@code skillsync.simulator.enabled} (dev and test profiles only).
 */
public class TenantEndpoints {

    static final String API = "/inContactAPI/services/v30.0";

    private final TenantSimulator tenant;
    private final SimulatedTenants tenants;
    private final ObjectMapper json;
    private final boolean enabled;
    /** Where the tenant answers, below the application's root: its id_token's issuer and its pages' links name it. */
    private final String base;
    @Context
    HttpHeaders headers;
    @Context
    UriInfo uri;

    /**
     * {@code headers} and {@code uri}: the root resource's, which follow the request; null for the root resource
     * itself, into which they are injected.
     */
    TenantEndpoints(TenantSimulator tenant, SimulatedTenants tenants, ObjectMapper json, SkillSyncConfig config,
            HttpHeaders headers, UriInfo uri) {
        this.tenant = tenant;
        this.tenants = tenants;
        this.json = json;
        this.enabled = config.simulator().enabled();
        this.base = tenant.name().equals(TenantSimulator.DEFAULT) ? "sim" : "sim/tenants/" + tenant.name();
        this.headers = headers;
        this.uri = uri;
    }

    // --- OAuth ------------------------------------------------------------------------------------

    @POST
    @Path("/auth/token")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public Response token(@FormParam("grant_type") String grant, @FormParam("username") String username,
            @FormParam("password") String password, @FormParam("client_id") String formClientId,
            @FormParam("client_secret") String formClientSecret) {
        if (!enabled) {
            return Response.status(404).build();
        }
        Credentials expected = tenant.credentials();
        String basic = headers.getHeaderString("Authorization");
        // the client authenticates with Basic, or in the form (client_secret_post)
        String client = basic != null && basic.startsWith("Basic ")
                ? new String(Base64.getDecoder().decode(basic.substring(6)), StandardCharsets.UTF_8)
                : formClientId != null ? formClientId + ":" + formClientSecret : "";
        // whose client it was, by its id alone: the secret stays out of the log
        String caller = client.isEmpty() ? null : tenants.ownerOfClient(client.split(":", 2)[0]);
        Response answer;
        if (tenant.faults().refuseCredentials || !client.equals(expected.clientId() + ":" + expected.clientSecret())) {
            answer = oauthError(401, "invalid_client");
        } else if ("password".equals(grant) && !(expected.accessKeyId().equals(username)
                && expected.accessKeySecret().equals(password))) {
            answer = oauthError(400, "invalid_grant");
        } else if (!"password".equals(grant) && !"client_credentials".equals(grant)) {
            answer = oauthError(400, "unsupported_grant_type");
        } else {
            ObjectNode body = json.createObjectNode().put("access_token", tenant.issueToken())
                    .put("token_type", "bearer").put("expires_in", tenant.tokenLifetimeSeconds())
                    .put("refresh_token", UUID.randomUUID().toString()).put("id_token", idToken());
            answer = Response.ok(body.toString(), MediaType.APPLICATION_JSON).build();
        }
        // the form holds the secret: the log keeps only the grant type
        tenant.log(new TenantSimulator.Request("POST", "/auth/token", null, loggedHeaders(), "grant_type=" + grant,
                answer.getStatus(), caller, null));
        return answer;
    }

    /** An unsigned JWT naming the tenant, as NICE's id_token does (its signature is nobody's business here). */
    private String idToken() {
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        String header = url.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        // issued by this simulated tenant, whose discovery is under its base (NICE's id_token names its own host)
        String issuer = uri.getBaseUriBuilder().path(base).build().toString();
        String claims = url.encodeToString(json.createObjectNode().put("iss", issuer)
                .put("tenantId", tenant.tenantId()).put("name", "skillsync-api-user").toString().getBytes(StandardCharsets.UTF_8));
        return header + "." + claims + ".";
    }

    /** CXone's discovery: the API host of a tenant (cxone-api.md, Authentication). */
    @GET
    @Path("/.well-known/cxone-configuration")
    @Produces(MediaType.APPLICATION_JSON)
    public Response discovery(@QueryParam("tenantId") String asked) {
        if (!enabled) {
            return Response.status(404).build();
        }
        if (!tenant.tenantId().equals(asked)) {
            return Response.status(404).build();
        }
        // the tenant's own base: a named tenant's API is under /sim/tenants/<name>, never the default's
        String host = uri.getBaseUriBuilder().path(base).build().toString();
        return Response.ok(json.createObjectNode().put("api_endpoint", host.endsWith("/") ? host.substring(0, host.length() - 1)
                : host).put("area", "na1").put("tenantId", tenant.tenantId()).toString(), MediaType.APPLICATION_JSON).build();
    }

    /**
     * The business unit; its apiPublishedLimit is the simulated tenant's limit per minute. A named tenant is a
     * business unit of its own (issue 27): the next id, its name after the tenant's.
     */
    @GET
    @Path(API + "/business-unit")
    public Response businessUnit() {
        return api("GET", null, () -> {
            ObjectNode body = json.createObjectNode();
            boolean named = !tenant.name().equals(TenantSimulator.DEFAULT);
            body.putArray("businessUnits").addObject().put("businessUnitId", 4600001 + tenants.all().indexOf(tenant))
                    .put("businessUnitName", named ? "Simulated " + tenant.name() : "Simulated")
                    .put("apiPublishedLimit", tenant.requestsPerMinute());
            return Response.ok(body.toString(), MediaType.APPLICATION_JSON).build();
        });
    }

    private Response oauthError(int status, String error) {
        return Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(json.createObjectNode().put("error", error).toString()).build();
    }

    // --- reads --------------------------------------------------------------------------------------

    @GET
    @Path(API + "/skills")
    public Response skills(@QueryParam("skip") Integer skip, @QueryParam("top") Integer top) {
        return api("GET", null, () -> page("skills", tenant.skills(), skip, top, s -> bool(json.createObjectNode()
                .put("skillId", s.skillId()).put("skillName", s.name()), "isActive", s.active()).put("mediaTypeId", 4)));
    }

    @GET
    @Path(API + "/agents")
    public Response agents(@QueryParam("skip") Integer skip, @QueryParam("top") Integer top,
            @QueryParam("searchString") String search, @QueryParam("updatedSince") String updatedSince,
            @QueryParam("updateSince") String updateSince) {
        if (updatedSince != null && tenant.speaks(TenantSimulator.Dialect.UPDATED_SINCE_REFUSED)) {
            return api("GET", null, () -> badRequest("Invalid updatedSince"));
        }
        // the v30 name, or in the v34 dialect only the v34 one; an unknown parameter is ignored, as CXone does
        String since = tenant.speaks(TenantSimulator.Dialect.UPDATE_SINCE_SPELLING) ? updateSince : updatedSince;
        List<TenantSimulator.Agent> agents = tenant.listed("agents|" + since + "|" + search, () -> {
            List<TenantSimulator.Agent> all = since == null || tenant.speaks(TenantSimulator.Dialect.UPDATED_SINCE_IGNORED)
                    ? tenant.agents() : tenant.agentsUpdatedSince(java.time.OffsetDateTime.parse(since).toInstant());
            return search == null ? all : all.stream()
                    .filter(a -> (a.email() + " " + a.firstName() + " " + a.lastName()).toLowerCase(java.util.Locale.ROOT)
                            .contains(search.toLowerCase(java.util.Locale.ROOT)))
                    .toList();
        });
        return api("GET", null, () -> page("agents", agents, skip, top, a -> bool(json.createObjectNode()
                .put("agentId", a.agentId()).put("userName", a.email()).put("emailAddress", a.email())
                .put("firstName", a.firstName()).put("lastName", a.lastName()), "isActive", a.active())));
    }

    @GET
    @Path(API + "/agents/skills")
    public Response allAssignments(@QueryParam("skip") Integer skip, @QueryParam("top") Integer top,
            @QueryParam("isActive") String isActive, @QueryParam("isAgentActive") String isAgentActive) {
        return api("GET", null, () -> {
            if (tenant.speaks(TenantSimulator.Dialect.REQUIRED_QUERY) && (isActive == null || isAgentActive == null)) {
                return badRequest("isActive and isAgentActive are required");
            }
            return page("agentSkillAssignments", tenant.listed("assignments|" + isActive + "|" + isAgentActive,
                    () -> filter(tenant.readableAssignments(), isActive, isAgentActive)), skip, top, a -> assignment(a, true));
        });
    }

    @GET
    @Path(API + "/agents/{agentId}/skills")
    public Response agentAssignments(@PathParam("agentId") long agentId, @QueryParam("skip") Integer skip,
            @QueryParam("top") Integer top, @QueryParam("isActive") String isActive) {
        boolean named = !tenant.speaks(TenantSimulator.Dialect.PER_AGENT_WITHOUT_AGENT_ID);
        return api("GET", null, () -> tenant.hasAgent(agentId)
                ? page("agentSkillAssignments", filter(tenant.assignmentsOf(agentId), isActive, null), skip, top,
                        a -> assignment(a, named))
                : Response.status(404).header("icStatusDescription", "Agent not found").build());
    }

    @GET
    @Path(API + "/skills/{skillId}/agents")
    public Response skillAssignments(@PathParam("skillId") long skillId, @QueryParam("skip") Integer skip,
            @QueryParam("top") Integer top, @QueryParam("isActive") String isActive,
            @QueryParam("updatedSince") String updatedSince) {
        boolean filtered = updatedSince != null && !tenant.speaks(TenantSimulator.Dialect.HOLDERS_SINCE_IGNORED);
        return api("GET", null, () -> tenant.hasSkill(skillId) && !tenant.speaks(TenantSimulator.Dialect.NO_SKILL_AGENTS)
                ? page("agentSkillAssignments", tenant.listed("holders|" + skillId + "|" + filtered + "|" + updatedSince + "|"
                        + isActive, () -> filter(filtered ? tenant.assignmentsOfSkillUpdatedSince(skillId,
                        java.time.OffsetDateTime.parse(updatedSince).toInstant()) : tenant.assignmentsOfSkill(skillId),
                        isActive, null)), skip, top, a -> assignment(a, true))
                : Response.status(404).header("icStatusDescription", "Skill not found").build());
    }

    /** The isActive / isAgentActive filters; inactive assignments left out unless asked for in INACTIVE_HIDDEN. */
    private List<TenantSimulator.Assignment> filter(List<TenantSimulator.Assignment> all, String isActive,
            String isAgentActive) {
        return all.stream()
                .filter(a -> isActive != null ? a.active() == Boolean.parseBoolean(isActive)
                        : a.active() || !tenant.speaks(TenantSimulator.Dialect.INACTIVE_HIDDEN))
                .filter(a -> isAgentActive == null || tenant.agentActive(a.agentId()) == Boolean.parseBoolean(isAgentActive))
                .toList();
    }

    private ObjectNode assignment(TenantSimulator.Assignment a, boolean withAgentId) {
        ObjectNode item = json.createObjectNode();
        if (withAgentId) {
            item.put("agentId", a.agentId());
        }
        item.put("skillId", a.skillId()).put("skillName", tenant.skillName(a.skillId()))
                .put("agentProficiencyValue", a.proficiency());
        return bool(item, "isActive", a.active());
    }

    /** A boolean field, as a string in dialect BOOLEANS_AS_STRINGS. */
    private ObjectNode bool(ObjectNode node, String field, boolean value) {
        if (tenant.speaks(TenantSimulator.Dialect.BOOLEANS_AS_STRINGS)) {
            return node.put(field, value ? "True" : "False");
        }
        return node.put(field, value);
    }

    private <T> Response page(String field, List<T> all, Integer skip, Integer top, Function<T, ObjectNode> shape) {
        int from = tenant.speaks(TenantSimulator.Dialect.SKIP_IGNORED) ? 0 : Math.max(0, skip == null ? 0 : skip);
        int size = Math.min(tenant.speaks(TenantSimulator.Dialect.PAGE_CAP) ? 50 : 100, Math.max(1, top == null ? 100 : top));
        if (from >= all.size()) {
            return Response.noContent().build();
        }
        List<T> slice = all.subList(from, Math.min(all.size(), from + size));
        ObjectNode body = json.createObjectNode();
        if (!tenant.speaks(TenantSimulator.Dialect.NO_LAST_POLL_TIME)) {
            // NICE's answers carry the time of the read, by the tenant's clock, to ask what changed since next time
            body.put("lastPollTime", tenant.now().toString());
        }
        ObjectNode list = tenant.speaks(TenantSimulator.Dialect.LISTS_UNDER_RESULT_SET) ? body.putObject("resultSet") : body;
        if (!tenant.speaks(TenantSimulator.Dialect.NO_TOTAL_RECORDS) && !tenant.speaks(TenantSimulator.Dialect.PAGE_CAP)) {
            list.put("totalRecords", all.size());
        }
        if (field.equals("agents")) {
            list.put("hiddenAgents", 0);
        }
        ArrayNode items = list.putArray(field);
        slice.forEach(item -> items.add(shape.apply(item)));
        if (from + size < all.size()) {
            body.putObject("_links").put("next", uri.getBaseUriBuilder().path(base + API).path(field.equals("agents")
                    ? "agents" : field.equals("skills") ? "skills" : "agents/skills")
                    .queryParam("skip", from + size).queryParam("top", size).build().toString());
        }
        int status = tenant.speaks(TenantSimulator.Dialect.PARTIAL_CONTENT_PAGES) ? 206 : 200;
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(body.toString()).build();
    }

    // --- writes -------------------------------------------------------------------------------------

    @POST
    @Path(API + "/skills/{skillId}/agents")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response assign(@PathParam("skillId") long skillId, String body) {
        return api("POST", body, () -> perSkill("POST", skillId, body));
    }

    @PUT
    @Path(API + "/skills/{skillId}/agents")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response change(@PathParam("skillId") long skillId, String body) {
        return api("PUT", body, () -> perSkill("PUT", skillId, body));
    }

    private Response perSkill(String verb, long skillId, String body) {
        if (!tenant.hasSkill(skillId)) {
            return Response.status(404).header("icStatusDescription", "Skill not found").build();
        }
        return writeEach(verb, parse(body).path("agents"), "agentResults", skillId);
    }

    /**
     * NICE's {@code DELETE /skills/{skillId}/agents} with {@code {"agents":[{"agentId":...}]}}: each assignment is
     * gone (not inactive). NICE documents no answer body: this one answers per agent, as its other writes do.
     */
    @DELETE
    @Path(API + "/skills/{skillId}/agents")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response unassignAll(@PathParam("skillId") long skillId, String body) {
        return api("DELETE", body, () -> {
            if (!tenant.hasSkill(skillId)) {
                return Response.status(404).header("icStatusDescription", "Skill not found").build();
            }
            JsonNode items = parse(body).path("agents");
            if (!items.isArray() || items.isEmpty() || items.size() > 100) {
                return badRequest("a write must list 1 to 100 items");
            }
            ObjectNode answer = json.createObjectNode();
            ArrayNode results = answer.putObject("resultSet").putArray("agentResults");
            int errors = 0;
            for (JsonNode item : items) {
                long agentId = item.path("agentId").asLong();
                boolean gone = tenant.deleteAssignment(agentId, skillId);
                ObjectNode result = bool(results.addObject().put("agentId", agentId), "success", gone);
                if (!gone) {
                    result.put("error", "Agent is not assigned to this skill");
                    errors++;
                }
            }
            ((ObjectNode) answer.path("resultSet")).put("errorCount", errors);
            return Response.ok(answer.toString(), MediaType.APPLICATION_JSON).build();
        });
    }

    /** NICE's {@code DELETE /skills/{skillId}/agents/{agentId}}: the assignment is gone (not inactive). */
    @DELETE
    @Path(API + "/skills/{skillId}/agents/{agentId}")
    public Response unassign(@PathParam("skillId") long skillId, @PathParam("agentId") long agentId) {
        return api("DELETE", null, () -> tenant.deleteAssignment(agentId, skillId) ? Response.ok().build()
                : Response.status(404).header("icStatusDescription", "Assignment not found").build());
    }

    /** NICE's bulk write: each entry gives agents one or more skills; the answer names no agents. */
    @POST
    @Path(API + "/agents/skills")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response bulk(String body) {
        return api("POST", body, () -> {
            JsonNode details = parse(body).path("agentAndSkillDetails");
            int count = 0;
            for (JsonNode entry : details) {
                count += entry.path("agentIds").size() * entry.path("skills").size();
            }
            if (!details.isArray() || count == 0 || count > 100) {
                return badRequest("agentAndSkillDetails must hold 1 to 100 assignments");
            }
            int errors = 0;
            for (JsonNode entry : details) {
                for (JsonNode agent : entry.path("agentIds")) {
                    for (JsonNode skill : entry.path("skills")) {
                        // one spelling of the item is taken, the other ignored, as an untyped schema allows
                        long skillId = tenant.speaks(TenantSimulator.Dialect.BULK_SKILL_IDS)
                                ? skill.path("skillIds").path(0).asLong() : skill.path("skillId").asLong();
                        String error = tenant.write(null, agent.asLong(), skillId,
                                intOrNull(skill.path("proficiency")),
                                skill.path("isActive").isBoolean() ? skill.path("isActive").asBoolean() : null);
                        errors += error == null ? 0 : 1;
                    }
                }
            }
            ObjectNode answer = json.createObjectNode();
            answer.putObject("resultSet").put("errorCount", errors);
            return Response.ok(answer.toString(), MediaType.APPLICATION_JSON).build();
        });
    }

    /** The runbook's bulk write, in no NICE source: served only in dialect RUNBOOK_BULK_PUT. */
    @PUT
    @Path(API + "/agents/skills")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response bulkPut(String body) {
        return api("PUT", body, () -> tenant.speaks(TenantSimulator.Dialect.RUNBOOK_BULK_PUT)
                ? writeEach(null, parse(body).path("agentSkillAssignments"), "skillResults", 0)
                : Response.status(405).header("icStatusDescription", "Method not allowed").build());
    }

    /**
     * Applies each item of a write and answers 200 with a result per item, as CXone does even when items
     * fail. {@code skillId} 0: each item names its own skill (bulk), and its result repeats it.
     */
    private Response writeEach(String verb, JsonNode items, String resultsField, long skillId) {
        if (!items.isArray() || items.isEmpty() || items.size() > 100) {
            return badRequest("a write must list 1 to 100 items");
        }
        if (tenant.speaks(TenantSimulator.Dialect.WHOLE_BATCH_400) && items.size() > 50) {
            return badRequest("The request may hold at most 50 agents");
        }
        boolean named = !tenant.speaks(TenantSimulator.Dialect.RESULTS_WITHOUT_AGENT_ID);
        ObjectNode answer = json.createObjectNode();
        ObjectNode resultSet = answer.putObject("resultSet");
        ArrayNode results = resultSet.putArray(resultsField);
        int errors = 0;
        for (JsonNode item : items) {
            long agentId = item.path("agentId").asLong();
            long itemSkill = skillId != 0 ? skillId : item.path("skillId").asLong();
            String error = tenant.write(verb, agentId, itemSkill, intOrNull(item.path("proficiency")),
                    item.path("isActive").isBoolean() ? item.path("isActive").asBoolean() : null);
            ObjectNode result = results.addObject();
            if (named) {
                result.put("agentId", agentId);
            }
            if (skillId == 0) {
                result.put("skillId", itemSkill);
            }
            bool(result, "success", error == null);
            if (error != null) {
                result.put("error", error);
                errors++;
            }
        }
        resultSet.put("errorCount", errors);
        return Response.ok(answer.toString(), MediaType.APPLICATION_JSON).build();
    }

    // --- looking at the tenant (README: before and after) -------------------------------------------

    @GET
    @Path("/admin/assignments")
    @Produces(MediaType.APPLICATION_JSON)
    public Response state() {
        if (!enabled) {
            return Response.status(404).build();
        }
        Map<String, Object> bySkill = new LinkedHashMap<>();
        for (TenantSimulator.Skill skill : tenant.skills()) {
            Map<String, Object> holders = new LinkedHashMap<>();
            tenant.assignments().stream().filter(a -> a.skillId() == skill.skillId()).forEach(a -> holders
                    .put(emailOf(a.agentId()), a.proficiency() + (a.active() ? "" : " (inactive)")));
            bySkill.put(skill.name(), holders);
        }
        return Response.ok(bySkill).build();
    }

    /**
     * Replaces the tenant with {@code agents} agents ({@code agent0001@example.com} ...), each holding
     * Tier_1_Support at 10, and the usual skills plus {@code skills} more ({@code Skill_0001} ...): a known
     * start for scripts (the kill test, the benchmark).
     */
    /** An admin deletes an assignment in CXone's admin UI (not a deactivation: it is gone). */
    @DELETE
    @Path("/admin/assignments/{agentId}/{skillId}")
    public Response deleteAssignment(@PathParam("agentId") long agentId, @PathParam("skillId") long skillId) {
        if (!enabled) {
            return Response.status(404).build();
        }
        return tenant.deleteAssignment(agentId, skillId) ? Response.noContent().build() : Response.status(404).build();
    }

    /** An admin creates an agent (a new hire), or changes one: it shows up in {@code GET /agents?updatedSince=}. */
    @PUT
    @Path("/admin/agents/{agentId}")
    public Response saveAgent(@PathParam("agentId") long agentId, @QueryParam("email") String email,
            @QueryParam("active") @jakarta.ws.rs.DefaultValue("true") boolean active) {
        if (!enabled) {
            return Response.status(404).build();
        }
        tenant.saveAgent(new TenantSimulator.Agent(agentId, email, "Agent", "No" + agentId, active));
        return Response.noContent().build();
    }

    /**
     * A tenant of realistic size for a large contact center: 5,000 agents ({@code agent0001@example.com} ...),
     * 200 skills (the usual six and {@code Skill_0001} ...), every agent holding 7 of them at levels 1-20,
     * Tier_1_Support held by all, the rest about 150 holders a skill, 35,000 assignments. Deterministic.
     */
    @POST
    @Path("/admin/seed/realistic")
    @Produces(MediaType.APPLICATION_JSON)
    public Response seedRealistic() {
        if (!enabled) {
            return Response.status(404).build();
        }
        tenant.seedRealistic();
        return Response.ok(Map.of("agents", tenant.agents().size(), "skills", tenant.skills().size(), "assignments",
                tenant.assignments().size())).build();
    }

    @POST
    @Path("/admin/seed")
    @Produces(MediaType.APPLICATION_JSON)
    public Response seed(@QueryParam("agents") int count, @QueryParam("skills") int extraSkills) {
        if (!enabled) {
            return Response.status(404).build();
        }
        List<TenantSimulator.Agent> people = new java.util.ArrayList<>();
        List<TenantSimulator.Assignment> held = new java.util.ArrayList<>();
        for (int n = 1; n <= count; n++) {
            people.add(new TenantSimulator.Agent(500_000 + n, String.format("agent%04d@example.com", n), "Agent", "No" + n,
                    true));
            held.add(new TenantSimulator.Assignment(500_000 + n, 112233, 10, true));
        }
        List<TenantSimulator.Skill> skills = new java.util.ArrayList<>(TenantSimulator.defaultSkills());
        for (int n = 1; n <= extraSkills; n++) {
            skills.add(new TenantSimulator.Skill(200_000 + n, String.format("Skill_%04d", n), true));
        }
        tenant.seed(people, skills, held);
        return Response.ok(Map.of("agents", count, "skills", skills.size(), "assignments", held.size())).build();
    }

    @GET
    @Path("/admin/requests")
    @Produces(MediaType.APPLICATION_JSON)
    public Response requests() {
        if (!enabled) {
            return Response.status(404).build();
        }
        return Response.ok(tenant.requests()).build();
    }

    private String emailOf(long agentId) {
        return tenant.agents().stream().filter(a -> a.agentId() == agentId).map(TenantSimulator.Agent::email)
                .findFirst().orElse(String.valueOf(agentId));
    }

    // --- what every API request goes through ---------------------------------------------------------

    /** Enabled, Accept, token and rate limit first, as CXone checks them; then the handler; every request logged. */
    private Response api(String method, String body, Supplier<Response> handler) {
        if (!enabled) {
            return Response.status(404).build();
        }
        long stall = tenant.faults().stallMillis;
        if (stall > 0) {
            try {
                Thread.sleep(stall);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Response answer;
        String accept = headers.getHeaderString("Accept");
        String authorization = headers.getHeaderString("Authorization");
        if (accept == null || !accept.contains("application/json")) {
            answer = Response.status(406).entity("No known way to render data").build();
        } else if (authorization == null || !authorization.startsWith("Bearer ")
                || !tenant.tokenValid(authorization.substring(7))) {
            answer = Response.status(401).build();
        } else if (!tenant.admit()) {
            Integer retryAfter = tenant.faults().retryAfterSeconds;
            answer = retryAfter == null ? Response.status(429).build()
                    : Response.status(429).header("Retry-After", retryAfter).build();
        } else if (tenant.faults().serverError()) {
            answer = Response.status(503).entity("Service Unavailable").build();
        } else if (!method.equals("GET") && tenant.faults().busyWrites.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            answer = Response.status(503).entity("Service Unavailable").build();
        } else if (!method.equals("GET") && tenant.faults().forbidWrites) {
            answer = Response.status(403).header("icStatusDescription", "The API user lacks the permission Skills: Edit")
                    .build();
        } else if (!method.equals("GET") && tenant.faults().refuseEveryWrite != null) {
            answer = badRequest(tenant.faults().refuseEveryWrite);
        } else if (!method.equals("GET") && poisoned(body) != null) {
            answer = badRequest("Invalid agent in request: agent " + poisoned(body) + " cannot take this skill");
        } else {
            if (!method.equals("GET")) {
                tenant.writing();
            }
            answer = handler.get();
        }
        String path = uri.getPath().substring(uri.getPath().indexOf(API) + API.length());
        // whose token it was and which, so a test sees where each unit's credentials went; never the token itself
        String bearer = authorization != null && authorization.startsWith("Bearer ") ? authorization.substring(7) : null;
        tenant.log(new TenantSimulator.Request(method, path, uri.getRequestUri().getRawQuery(), loggedHeaders(), body,
                answer.getStatus(), bearer == null ? null : tenants.issuerOf(bearer),
                bearer == null ? null : TenantSimulator.tokenId(bearer)));
        // CXone's own correlation id, never an echo of SkillSync's X-Request-Id
        return Response.fromResponse(answer).header("CorrelationId", "sim-" + UUID.randomUUID()).build();
    }

    private Map<String, String> loggedHeaders() {
        Map<String, String> logged = new LinkedHashMap<>();
        headers.getRequestHeaders().forEach((name, values) -> logged.put(name, String.join(",", values)));
        // credentials stay out of the request log: only the scheme is kept
        logged.computeIfPresent("Authorization", (name, value) -> value.split(" ", 2)[0] + " (masked)");
        return logged;
    }

    /** The first poisoned agent a write names (CXone's 400 names it), or null. */
    private Long poisoned(String body) {
        if (tenant.faults().poisonedAgents.isEmpty()) {
            return null;
        }
        JsonNode root = parse(body);
        JsonNode items = root.has("agents") ? root.path("agents") : root.path("agentSkillAssignments");
        for (JsonNode item : items) {
            if (tenant.faults().poisonedAgents.contains(item.path("agentId").asLong())) {
                return item.path("agentId").asLong();
            }
        }
        for (JsonNode entry : root.path("agentAndSkillDetails")) {
            for (JsonNode agent : entry.path("agentIds")) {
                if (tenant.faults().poisonedAgents.contains(agent.asLong())) {
                    return agent.asLong();
                }
            }
        }
        return null;
    }

    private JsonNode parse(String body) {
        try {
            return json.readTree(body == null ? "" : body);
        } catch (java.io.IOException e) {
            return json.createObjectNode();
        }
    }

    private Response badRequest(String reason) {
        return Response.status(400).header("icStatusDescription", reason).build();
    }

    private static Integer intOrNull(JsonNode node) {
        return node.isInt() ? node.asInt() : null;
    }
}
