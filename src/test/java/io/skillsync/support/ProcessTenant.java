package io.skillsync.support;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The simulated tenant as a second process of the packaged jar, which outlives the service it serves. */
public final class ProcessTenant {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ProcessTenant() {
    }

    /** The tenant's base URL: its token and API paths hang below it. */
    public static String url(int port) {
        return "http://localhost:" + port + "/sim";
    }

    /**
     * Starts the jar in the dev profile with only its simulator in use, its own work dir under
     * {@code work}/tenant-unused, rate-limited at 100,000 a minute unless {@code settings} say otherwise.
     */
    public static ServiceProcess start(String name, int port, Path work, Map<String, String> settings) throws IOException {
        return launch(name, port, work, settings).awaitLive();
    }

    /** Starts the tenant as {@link #start} does, without waiting for it ({@link ServiceProcess#awaitLive()}). */
    public static ServiceProcess launch(String name, int port, Path work) throws IOException {
        return launch(name, port, work, Map.of());
    }

    private static ServiceProcess launch(String name, int port, Path work, Map<String, String> settings) throws IOException {
        Map<String, String> env = new HashMap<>(Map.of("QUARKUS_PROFILE", "dev", "SKILLSYNC_SIMULATOR_ENABLED", "true",
                "SKILLSYNC_SIMULATOR_RATE_LIMIT", "100000",
                "SKILLSYNC_WORK_DIR", work.resolve("tenant-unused").toString(),
                "SKILLSYNC_CXONE_API_URL", url(port) + "/inContactAPI/services/v30.0",
                "SKILLSYNC_CXONE_TOKEN_URL", url(port) + "/auth/token"));
        env.putAll(settings);
        return ServiceProcess.launch(name, port, env);
    }

    public static ServiceProcess start(String name, int port, Path work) throws IOException {
        return start(name, port, work, Map.of());
    }

    /** Replaces the tenant with the simulator's preset of {@code agents} agents ({@link Tenants#presetEmail}). */
    public static HttpResponse<String> seed(ServiceProcess tenant, int agents) throws IOException, InterruptedException {
        return tenant.post("/sim/admin/seed?agents=" + agents);
    }

    /** The same preset with {@code skills} skills beyond the usual ones. */
    public static HttpResponse<String> seed(ServiceProcess tenant, int agents, int skills)
            throws IOException, InterruptedException {
        return tenant.post("/sim/admin/seed?agents=" + agents + "&skills=" + skills);
    }

    /** How many agents the tenant has holding Retention. */
    public static long retention(ServiceProcess tenant) throws Exception {
        JsonNode state = JSON.readTree(tenant.get("/sim/admin/assignments").body());
        return state.path("Retention").size();
    }

    /** The write requests (POSTs other than for a token) the tenant has answered. */
    public static long writes(ServiceProcess tenant) throws Exception {
        JsonNode requests = JSON.readTree(tenant.get("/sim/admin/requests").body());
        long writes = 0;
        for (JsonNode request : requests) {
            if (request.path("method").asText().equals("POST") && !request.path("path").asText().startsWith("/auth")) {
                writes++;
            }
        }
        return writes;
    }

    /** A packaged service on {@code work}, pointed at the tenant at {@code tenantUrl} and tuned for the process tests. */
    /**
     * The service's settings for a replica electing its leader through Leases on the Kubernetes API server at
     * {@code apiPort} (fabric8's mock server), with short times: lease 3 s, renew-deadline 2 s, retry every 0.5 s.
     */
    public static Map<String, String> leaseEnv(Path work, String tenantUrl, int apiPort) {
        Map<String, String> env = new java.util.HashMap<>(serviceEnv(work, tenantUrl));
        env.put("SKILLSYNC_CLUSTER_SERVICE", "kubernetes");
        env.put("QUARKUS_KUBERNETES_CLIENT_API_SERVER_URL", "http://localhost:" + apiPort);
        env.put("SKILLSYNC_CLUSTER_KUBERNETES_NAMESPACE", "skillsync");
        env.put("SKILLSYNC_CLUSTER_KUBERNETES_LEASE_DURATION", "3s");
        env.put("SKILLSYNC_CLUSTER_KUBERNETES_RENEW_DEADLINE", "2s");
        env.put("SKILLSYNC_CLUSTER_KUBERNETES_RETRY_PERIOD", "500ms");
        return env;
    }

    public static Map<String, String> serviceEnv(Path work, String tenantUrl) {
        return Map.ofEntries(Map.entry("SKILLSYNC_WORK_DIR", work.toString()),
                Map.entry("SKILLSYNC_CXONE_API_URL", tenantUrl + "/inContactAPI/services/v30.0"),
                Map.entry("SKILLSYNC_CXONE_TOKEN_URL", tenantUrl + "/auth/token"),
                Map.entry("SKILLSYNC_CXONE_CLIENT_ID", "skillsync-dev"),
                Map.entry("SKILLSYNC_CXONE_CLIENT_SECRET", "dev-client-secret"),
                Map.entry("SKILLSYNC_CXONE_ACCESS_KEY_ID", "dev-access-key"),
                Map.entry("SKILLSYNC_CXONE_ACCESS_KEY_SECRET", "dev-access-key-secret"),
                // 10 rows a write, 10 requests a second: the 1,000 rows take about ten seconds of writes
                Map.entry("SKILLSYNC_CXONE_BATCH_SIZE", "10"),
                Map.entry("SKILLSYNC_CXONE_REQUESTS_PER_MINUTE", "600"),
                Map.entry("SKILLSYNC_INTAKE_POLL_DELAY", "200"),
                Map.entry("SKILLSYNC_INTAKE_SETTLE_CHECK", "200"),
                Map.entry("SKILLSYNC_VERIFY_DELAY", "200ms"),
                // the simulated tenant answers on plain http; the intake opens as soon as it grants a token
                Map.entry("SKILLSYNC_CXONE_ALLOW_HTTP", "true"),
                Map.entry("SKILLSYNC_INTAKE_CREDENTIALS_CHECK", "500ms"));
    }
}
