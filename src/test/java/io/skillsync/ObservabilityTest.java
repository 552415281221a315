package io.skillsync;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import io.skillsync.cxone.CxoneToken;
import io.skillsync.cxone.TenantDirectory;
import io.skillsync.simulator.TenantSimulator;
import io.skillsync.support.Rosters;
import io.skillsync.support.Tenants;
import io.skillsync.support.profiles.FreshReadiness;

/** What an operator sees: metrics that agree with the summaries, health with reasons, the operations API, deploy/. */
@QuarkusTest
@TestProfile(FreshReadiness.class)
class ObservabilityTest {

    static final Pattern SAMPLE = Pattern.compile("^([a-z_:][a-z0-9_:]*)(\\{[^}]*\\})? ([-0-9.eE+NaInf]+)$");
    static final Pattern METRIC_NAME = Pattern.compile("\\b((?:skillsync|camel)_[a-z0-9_]+)\\b");

    @Inject
    TenantSimulator tenant;
    @Inject
    TenantDirectory directory;
    @Inject
    CxoneToken token;

    @Test
    void rowAndRequestCountersAgreeWithTheRunSummary() throws Exception {
        Tenants.everyoneOnTier1(tenant, directory, 120);
        Map<String, Double> before = scrape();
        Drop.roster("metered.csv", Rosters.graduation().lines().limit(121).reduce("", (a, b) -> a + b + "\n")
                + "nobody@example.com,Retention,5,true\n" + Tenants.email(110) + ",Tier_1_Support,10,\n");
        JsonNode run = Drop.awaitRun("metered.csv");
        Map<String, Double> after = scrape();
        Files.writeString(Path.of("target/metrics-scrape.txt"), given().get("/q/metrics").asString());

        for (String outcome : new String[] { "applied", "unchanged", "rejected", "failed", "planned" }) {
            String key = "skillsync_rows_total{outcome=\"" + outcome + "\"}";
            assertEquals(run.path("counts").path(outcome).asDouble(), delta(before, after, key), key);
        }
        assertEquals(1, delta(before, after, "skillsync_runs_total{result=\"complete\"}"));
        for (String kind : new String[] { "read", "write" }) {
            double sent = sum(after, "skillsync_cxone_requests_total", "kind=\"" + kind + "\"")
                    - sum(before, "skillsync_cxone_requests_total", "kind=\"" + kind + "\"");
            assertEquals(run.path("requests").path(kind).asDouble(), sent, kind + " requests");
        }
        assertTrue(after.containsKey("skillsync_last_success_timestamp_seconds"));
        assertTrue(after.get("skillsync_last_success_timestamp_seconds") > 0);
        assertEquals(0, after.get("skillsync_cxone_circuit_open"));
        assertEquals(0, after.get("skillsync_run_rows"), "no run under way");
    }

    @Test
    void readinessSaysWhyCredentialsAreRefusedAndRecoversWhenTheyAreAccepted() {
        tenant.faults().refuseCredentials = true;
        token.drop();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(503)
                .body(containsString("refused the password grant for client id 'skillsync-dev'")));
        assertFalse(given().get("/q/health/ready").asString().contains("dev-client-secret"));

        tenant.faults().refuseCredentials = false;
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200));
    }

    @Test
    void theOperationsApiRefusesStrangersAndRerunsAnErrorFile() throws Exception {
        Tenants.everyoneOnTier1(tenant, directory, 5);
        Drop.roster("ops.csv", "email,skill,proficiency\n" + Tenants.email(1) + ",Retention,50\n");
        JsonNode run = Drop.awaitRun("ops.csv");
        String errorFile = Drop.output(run, ".errors.csv").getFileName().toString();

        given().post("/ops/error/" + errorFile + "/rerun").then().statusCode(401);
        given().auth().preemptive().basic("alice", "wrong").post("/ops/error/" + errorFile + "/rerun").then().statusCode(401);
        given().auth().preemptive().basic("alice", "wonderland").contentType("application/json").post("/ops/error/..%2Fprocessed/rerun").then()
                .statusCode(org.hamcrest.Matchers.anyOf(org.hamcrest.Matchers.is(400), org.hamcrest.Matchers.is(404)));
        given().auth().preemptive().basic("alice", "wonderland").get("/ops/files").then().statusCode(200)
                .body(containsString(errorFile));

        // the operator fixes the level in the file, then reruns it through the API
        Path inError = Drop.WORK.resolve("error").resolve(errorFile);
        Files.writeString(inError, Files.readString(inError).replace(",Retention,50,", ",Retention,5,"));
        given().auth().preemptive().basic("alice", "wonderland").contentType("application/json").post("/ops/error/" + errorFile + "/rerun").then()
                .statusCode(202).body(containsString("\"by\":\"alice\""));
        JsonNode rerun = Drop.awaitRun(errorFile);
        assertEquals(1, rerun.path("counts").path("applied").asInt(), rerun.toString());
        given().auth().preemptive().basic("alice", "wonderland").get("/ops/runs?limit=5").then().statusCode(200)
                .body(containsString(rerun.path("runId").asText()));
    }

    @Test
    void everyMetricTheDashboardAndAlertsUseIsExposed() throws Exception {
        Tenants.everyoneOnTier1(tenant, directory, 3);
        Drop.roster("for-the-dashboard.csv", "email,skill,proficiency\n" + Tenants.email(1) + ",Retention,5\n");
        Drop.awaitRun("for-the-dashboard.csv");
        Set<String> exposed = new TreeSet<>();
        scrape().keySet().forEach(sample -> exposed.add(sample.replaceAll("\\{.*", "")));

        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        Set<String> used = new TreeSet<>();
        JsonNode dashboard = new ObjectMapper().readTree(Path.of("deploy/grafana/skillsync-dashboard.json").toFile());
        dashboard.findValues("expr").forEach(expr -> used.addAll(names(expr.asText())));
        JsonNode rules = yaml.readTree(Path.of("deploy/prometheus/skillsync-alerts.yaml").toFile());
        rules.findValues("expr").forEach(expr -> used.addAll(names(expr.asText())));
        assertFalse(used.isEmpty());
        Set<String> missing = new TreeSet<>(used);
        missing.removeAll(exposed);
        assertEquals(Set.of(), missing, "metrics deploy/ uses that /q/metrics does not expose");

        try (Stream<Path> manifests = Files.walk(Path.of("deploy"))) {
            for (Path file : manifests.filter(f -> f.toString().matches(".*\\.ya?ml$")).toList()) {
                try (var parser = new YAMLFactory().createParser(file.toFile())) {
                    yaml.readValues(parser, JsonNode.class).readAll()
                            .forEach(doc -> assertTrue(doc.isObject() || doc.isNull(), file + " parses"));
                }
            }
        }
    }

    private static Set<String> names(String promql) {
        Set<String> names = new TreeSet<>();
        Matcher m = METRIC_NAME.matcher(promql);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** Before: a counter's series appeared only on first use, so the first failure after a restart was no increase. */
    @Test
    void everyOutcomeAndResultHasItsSeriesFromTheStart() {
        Map<String, Double> samples = scrape();
        for (String outcome : java.util.List.of("applied", "unchanged", "rejected", "failed", "planned")) {
            assertTrue(samples.keySet().stream().anyMatch(k -> k.startsWith("skillsync_rows_total{")
                    && k.contains("outcome=\"" + outcome + "\"")), "skillsync_rows_total{outcome=" + outcome + "}");
        }
        for (String result : java.util.List.of("complete", "held", "stopped", "paused", "unreadable", "unwritable", "failed",
                "interrupted")) {
            assertTrue(samples.keySet().stream().anyMatch(k -> k.startsWith("skillsync_runs_total{")
                    && k.contains("result=\"" + result + "\"")), "skillsync_runs_total{result=" + result + "}");
        }
    }

    static Map<String, Double> scrape() {
        Map<String, Double> samples = new java.util.HashMap<>();
        for (String line : given().get("/q/metrics").asString().lines().toList()) {
            Matcher m = SAMPLE.matcher(line);
            if (!line.startsWith("#") && m.matches()) {
                samples.merge(m.group(1) + (m.group(2) == null ? "" : m.group(2)), Double.parseDouble(m.group(3)), Double::sum);
            }
        }
        return samples;
    }

    private static double delta(Map<String, Double> before, Map<String, Double> after, String key) {
        return after.getOrDefault(key, 0d) - before.getOrDefault(key, 0d);
    }

    private static double sum(Map<String, Double> samples, String name, String label) {
        return samples.entrySet().stream().filter(e -> e.getKey().startsWith(name + "{") && e.getKey().contains(label))
                .mapToDouble(Map.Entry::getValue).sum();
    }
}
