package io.skillsync.ops;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jboss.logging.Logger;

import io.skillsync.SkillSyncConfig;

/**
 * A small operations API for operators who would rather not shell into the volume. It does only what
 * moving files by hand does for a rerun (error/ -> inbox/); a release (hold/ -> inbox/) also records, in
 * approvals/, that this user released exactly this content (ReleaseBook): by hand, a move releases
 * nothing. Logs who did what. Off unless {@code skillsync.ops.users} is set; HTTP Basic.
 */
@Path("/ops")
@Produces(MediaType.APPLICATION_JSON)
public class OperationsResource {

    private static final Logger LOG = Logger.getLogger(OperationsResource.class);

    private final java.nio.file.Path workDir;
    private final Map<String, String> users = new LinkedHashMap<>();
    private final ObjectMapper json;
    private final io.skillsync.run.ReleaseBook releases;

    OperationsResource(SkillSyncConfig config, ObjectMapper json, io.skillsync.run.ReleaseBook releases) {
        this.releases = releases;
        this.workDir = java.nio.file.Path.of(config.workDir());
        this.json = json;
        config.ops().users().ifPresent(list -> {
            for (String pair : list.split(",")) {
                int colon = pair.indexOf(':');
                if (colon > 0) {
                    users.put(pair.substring(0, colon).strip(), pair.substring(colon + 1).strip());
                }
            }
        });
    }

    @GET
    @Path("/runs")
    public Response runs(@HeaderParam("Authorization") String authorization, @QueryParam("limit") @DefaultValue("20") int limit)
            throws IOException {
        Optional<String> who = who(authorization);
        if (who.isEmpty()) {
            return refusal();
        }
        List<JsonNode> summaries = new ArrayList<>();
        java.nio.file.Path audit = workDir.resolve("audit");
        if (Files.isDirectory(audit)) {
            try (Stream<java.nio.file.Path> files = Files.walk(audit, 2)) {
                for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".summary.json"))
                        .sorted(Comparator.comparing(f -> f.getFileName().toString(), Comparator.reverseOrder()))
                        .limit(Math.max(1, Math.min(limit, 500))).toList()) {
                    summaries.add(json.readTree(file.toFile()));
                }
            }
        }
        return Response.ok(summaries).build();
    }

    @GET
    @Path("/files")
    public Response files(@HeaderParam("Authorization") String authorization) throws IOException {
        if (who(authorization).isEmpty()) {
            return refusal();
        }
        Map<String, List<String>> folders = new LinkedHashMap<>();
        for (String folder : List.of("inbox", "error", "hold")) {
            java.nio.file.Path dir = workDir.resolve(folder);
            List<String> names = new ArrayList<>();
            if (Files.isDirectory(dir)) {
                try (Stream<java.nio.file.Path> files = Files.list(dir)) {
                    files.filter(Files::isRegularFile).map(f -> f.getFileName().toString())
                            .filter(n -> !n.startsWith(".")).sorted().forEach(names::add);
                }
            }
            folders.put(folder, names);
        }
        return Response.ok(folders).build();
    }

    /** Reruns a file of error/ (an error file, or an unreadable file once fixed): moves it into the inbox. */
    @POST
    @Path("/error/{file}/rerun")
    public Response rerun(@HeaderParam("Authorization") String authorization, @PathParam("file") String file)
            throws IOException {
        return move(authorization, "error", file, file, "reran");
    }

    /** Releases a held file deliberately: the release of its content is recorded, then it moves into the inbox. */
    @POST
    @Path("/hold/{file}/release")
    public Response release(@HeaderParam("Authorization") String authorization, @PathParam("file") String file)
            throws IOException {
        Optional<String> who = who(authorization);
        if (who.isPresent() && plainName(file) && Files.isRegularFile(workDir.resolve("hold").resolve(file))) {
            releases.approve(workDir.resolve("hold").resolve(file), who.get());
        }
        return move(authorization, "hold", file, file, "released");
    }

    private Response move(String authorization, String folder, String file, String as, String verb) throws IOException {
        Optional<String> who = who(authorization);
        if (who.isEmpty()) {
            return refusal();
        }
        if (!plainName(file) || !file.toLowerCase(Locale.ROOT).endsWith(".csv")) {
            return Response.status(400).entity(Map.of("error", "a plain .csv file name of " + folder + "/ is expected")).build();
        }
        java.nio.file.Path from = workDir.resolve(folder).resolve(file);
        java.nio.file.Path to = workDir.resolve("inbox").resolve(as);
        if (!Files.isRegularFile(from)) {
            return Response.status(404).entity(Map.of("error", folder + "/" + file + " does not exist")).build();
        }
        if (Files.exists(to)) {
            return Response.status(409).entity(Map.of("error", "inbox/" + as + " exists already")).build();
        }
        Files.createDirectories(to.getParent());
        Files.move(from, to);
        LOG.infof("ops: %s %s %s/%s (moved to inbox/%s)", who.get(), verb, folder, file, as);
        return Response.accepted(Map.of("moved", folder + "/" + file, "to", "inbox/" + as, "by", who.get())).build();
    }

    private static boolean plainName(String file) {
        return !file.isBlank() && !file.contains("/") && !file.contains("\\") && !file.startsWith(".")
                && !file.contains("..") && file.chars().noneMatch(Character::isISOControl);
    }

    /** The user a Basic header proves, compared in constant time; empty when off, absent or wrong. */
    private Optional<String> who(String authorization) {
        if (users.isEmpty() || authorization == null || !authorization.startsWith("Basic ")) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            return Optional.empty();
        }
        String user = decoded.substring(0, colon);
        String expected = users.get(user);
        boolean match = expected != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                decoded.substring(colon + 1).getBytes(StandardCharsets.UTF_8));
        return match ? Optional.of(user) : Optional.empty();
    }

    private Response refusal() {
        if (users.isEmpty()) {
            return Response.status(404).build();
        }
        return Response.status(401).header("WWW-Authenticate", "Basic realm=\"skillsync-ops\"").build();
    }
}
