package io.skillsync.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checks of ManifestsTest can fail: deliberately wrong manifests, rendered by kubectl kustomize like the
 * real ones, are rejected by the strict model read, by the JSON-schema check, or by the policy.
 */
class ManifestChecksRejectTest {

    private static final StrictKubernetesParser PARSER = Manifests.PARSER;

    @TempDir
    Path dir;

    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: bad
            spec:
              replicas: 2
              selector:
                matchLabels:
                  app: bad
              template:
                metadata:
                  labels:
                    app: bad
                spec:
                  containers:
                    - name: app
                      image: example/app:1.0.0
                      ports:
                        - name: http
                          containerPort: 8080
                      resources:
                        requests:
                          cpu: 100m
                          memory: 128Mi
            """;

    @Test
    void misspelledFieldIsRejected() throws IOException {
        List<JsonNode> objects = renderBad(DEPLOYMENT
                .replace("image: example/app:1.0.0", "image: example/app:1.0.0\n          imagePullPolicyy: IfNotPresent")
                .replace("replicas: 2", "replicas: 2\n  progresDeadlineSeconds: 600"));
        List<String> strict = strictProblems(objects);
        rejected("misspelt fields", strict,
                "spec.template.spec.containers[0].imagePullPolicyy: unknown field \"imagePullPolicyy\"",
                "spec.progresDeadlineSeconds: unknown field");
    }

    @Test
    void stringForIntegerIsRejected() throws IOException {
        List<JsonNode> objects = renderBad(DEPLOYMENT.replace("containerPort: 8080", "containerPort: \"8080\""));
        rejected("string for an integer (strict model)", strictProblems(objects),
                "spec.template.spec.containers[0].ports[0].containerPort: Cannot coerce String value (\"8080\")");
        rejected("string for an integer (JSON schema)", Manifests.schemaProblems(objects),
                "/spec/template/spec/containers/0/ports/0/containerPort must be integer");
    }

    @Test
    void numberOrBooleanForStringIsRejected() throws IOException {
        List<JsonNode> objects = renderBad("""
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: bad
                data:
                  SKILLSYNC_CXONE_REQUESTS_PER_MINUTE: 200
                """);
        rejected("number for a string (strict model)", strictProblems(objects),
                "data.SKILLSYNC_CXONE_REQUESTS_PER_MINUTE: Cannot coerce Integer value (200)");
        rejected("number for a string (JSON schema)", Manifests.schemaProblems(objects),
                "/data/SKILLSYNC_CXONE_REQUESTS_PER_MINUTE must be string");
    }

    @Test
    void missingRequiredFieldIsRejected() throws IOException {
        List<JsonNode> objects = renderBad("""
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: bad
                spec:
                  template:
                    spec:
                      containers:
                        - image: example/app:1.0.0
                """);
        rejected("missing required fields (JSON schema)", Manifests.schemaProblems(objects),
                "Deployment/bad: /spec must have required property selector",
                "/spec/template/spec/containers/0 must have required property name");
    }

    @Test
    void unknownKindOrVersionIsRejected() throws IOException {
        List<JsonNode> objects = renderBad("""
                apiVersion: policy/v1beta2
                kind: PodDisruptionBudget
                metadata:
                  name: bad
                spec:
                  maxUnavailable: 1
                """);
        rejected("unknown apiVersion (strict model)", strictProblems(objects),
                "apiVersion policy/v1beta2 kind PodDisruptionBudget: no such kind");
        rejected("unknown apiVersion (JSON schema)", Manifests.schemaProblems(objects),
                "no schema for policy/v1beta2 PodDisruptionBudget");
    }

    @Test
    void badQuantityIsRejected() throws IOException {
        List<JsonNode> objects = renderBad(DEPLOYMENT.replace("memory: 128Mi", "memory: 128MB"));
        rejected("bad quantity (strict model)", strictProblems(objects),
                "spec.template.spec.containers[0].resources.requests.memory: Cannot deserialize value of type "
                        + "`io.fabric8.kubernetes.api.model.Quantity` from String \"128MB\"");
    }

    @Test
    void podMonitorIsCheckedAgainstTheCrd() throws IOException {
        List<JsonNode> objects = renderBad("""
                apiVersion: monitoring.coreos.com/v1
                kind: PodMonitor
                metadata:
                  name: bad
                spec:
                  selector:
                    matchLabels:
                      app: bad
                  podMetricsEndpoints:
                    - port: http
                      path: /q/metrics
                      scrapeTimout: 10s
                ---
                apiVersion: monitoring.coreos.com/v1
                kind: PodMonitor
                metadata:
                  name: bad-interval
                spec:
                  selector:
                    matchLabels:
                      app: bad
                  podMetricsEndpoints:
                    - port: http
                      path: /q/metrics
                      interval: 30
                """);
        rejected("PodMonitor (strict model)", strictProblems(objects),
                "PodMonitor/bad: spec.podMetricsEndpoints[0].scrapeTimout: unknown field",
                "PodMonitor/bad-interval: spec.podMetricsEndpoints[0].interval: Cannot coerce Integer value (30)");
        rejected("PodMonitor (JSON schema)", Manifests.schemaProblems(objects),
                "PodMonitor/bad-interval: /spec/podMetricsEndpoints/0/interval must be string");
    }

    @Test
    void policyViolationsAreReported() throws IOException {
        List<JsonNode> documents = new ArrayList<>();
        for (JsonNode n : Manifests.render(Manifests.BASE)) {
            documents.add(n.deepCopy());
        }
        for (JsonNode n : documents) {
            ObjectNode o = (ObjectNode) n;
            switch (o.path("kind").asText()) {
                case "Deployment" -> {
                    ObjectNode pod = (ObjectNode) o.path("spec").path("template").path("spec");
                    pod.put("automountServiceAccountToken", false);
                    ObjectNode container = (ObjectNode) pod.path("containers").get(0);
                    container.put("image", "skillsync:latest");
                    container.remove("startupProbe");
                    ((ObjectNode) container.path("resources")).remove("limits");
                }
                case "Role" -> {
                    ObjectNode rule = ((ArrayNode) o.path("rules")).addObject();
                    rule.putArray("apiGroups").add("");
                    rule.putArray("resources").add("secrets");
                    rule.putArray("verbs").add("get");
                    // what camel-kubernetes' cluster service would need, and SkillSync's Lease lock does not
                    ObjectNode pods = ((ArrayNode) o.path("rules")).addObject();
                    pods.putArray("apiGroups").add("");
                    pods.putArray("resources").add("pods");
                    pods.putArray("verbs").add("list");
                    ((ArrayNode) o.path("rules").get(0).path("verbs")).add("delete").add("update");
                }
                case "PodDisruptionBudget" -> ((ObjectNode) o.path("spec")).put("maxUnavailable", 2);
                default -> {
                }
            }
        }
        documents.add(Manifests.documents("""
                apiVersion: rbac.authorization.k8s.io/v1
                kind: ClusterRole
                metadata:
                  name: skillsync-everything
                rules:
                  - apiGroups: ["*"]
                    resources: ["*"]
                    verbs: ["*"]
                """).get(0));
        List<HasMetadata> objects = new ArrayList<>();
        for (JsonNode n : documents) {
            StrictKubernetesParser.Result r = PARSER.parse(n);
            assertEquals(List.of(), r.problems());
            objects.add(r.object());
        }
        rejected("policy", ManifestPolicy.check(objects),
                "image skillsync:latest is latest",
                "container skillsync: no startupProbe",
                "resources.limits needs memory",
                "automountServiceAccountToken must be true",
                "grants [get] on secrets",
                "grants delete on leases",
                "grants update on leases",
                "grants [list] on pods in API group \"\"",
                "ClusterRole/skillsync-everything: SkillSync needs no cluster-wide access",
                "maxUnavailable must be 1");
    }

    private List<JsonNode> renderBad(String manifest) throws IOException {
        Files.writeString(dir.resolve("kustomization.yaml"), """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                resources:
                  - bad.yaml
                """);
        Files.writeString(dir.resolve("bad.yaml"), manifest);
        return Manifests.render(dir);
    }

    private static List<String> strictProblems(List<JsonNode> objects) {
        List<String> problems = new ArrayList<>();
        for (JsonNode n : objects) {
            String label = n.path("kind").asText("?") + "/" + n.path("metadata").path("name").asText("?");
            PARSER.parse(n).problems().forEach(p -> problems.add(label + ": " + p));
        }
        return problems;
    }

    private static void rejected(String what, List<String> problems, String... expected) {
        for (String fragment : expected) {
            assertTrue(problems.stream().anyMatch(p -> p.contains(fragment)),
                    what + ": expected a problem containing <" + fragment + ">, got " + problems);
        }
        problems.forEach(p -> System.out.println("rejected as expected (" + what + "): " + p));
    }
}
