package io.skillsync.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import org.junit.jupiter.api.Test;

/**
 * deploy/kubernetes as CI sees it: both kustomizations render with {@code kubectl kustomize}, every object
 * (and every secret template) passes the strict read into the Kubernetes model and the JSON-schema check,
 * and the review policy holds. ManifestChecksRejectTest shows that each check fails on a bad manifest.
 */
class ManifestsTest {

    /** Parses strictly and checks the schemas; fails with every problem of every object. */
    static List<HasMetadata> validObjects(String what, List<JsonNode> documents) {
        List<String> problems = new ArrayList<>();
        List<HasMetadata> objects = new ArrayList<>();
        for (JsonNode document : documents) {
            StrictKubernetesParser.Result r = Manifests.PARSER.parse(document);
            String label = document.path("kind").asText("?") + "/" + document.path("metadata").path("name").asText("?");
            r.problems().forEach(p -> problems.add(label + ": " + p));
            if (r.object() != null) {
                objects.add(r.object());
            }
        }
        problems.addAll(Manifests.schemaProblems(documents));
        assertEquals(List.of(), problems, what + " has invalid objects");
        return objects;
    }

    @Test
    void mainKustomizationRendersValidObjectsThatFollowThePolicy() {
        List<HasMetadata> objects = validObjects("deploy/kubernetes", Manifests.render(Manifests.BASE));
        Set<String> kinds = new TreeSet<>(objects.stream().map(HasMetadata::getKind).toList());
        assertEquals(new TreeSet<>(List.of("ConfigMap", "Deployment", "PersistentVolumeClaim", "PodDisruptionBudget",
                "Role", "RoleBinding", "Service", "ServiceAccount")), kinds);
        assertEquals(List.of(), ManifestPolicy.check(objects), "policy violations in deploy/kubernetes");
        System.out.println("deploy/kubernetes: " + objects.size() + " objects valid (strict model + JSON schema), policy ok");
    }

    /** The several-units overlay renders valid objects, keeps the base's policy, and mounts the units' settings file. */
    @Test
    void unitsKustomizationRendersTheBaseWithTheUnitsSettings() {
        List<HasMetadata> objects = validObjects("deploy/units", Manifests.render(Manifests.UNITS));
        assertEquals(List.of(), ManifestPolicy.check(objects), "policy violations in deploy/units");
        String rendered = objects.toString();
        assertTrue(rendered.contains("/etc/skillsync/console,/etc/skillsync/units"), "QUARKUS_CONFIG_LOCATIONS names the units' file");
        assertTrue(objects.stream().anyMatch(o -> o.getKind().equals("ConfigMap") && o.getMetadata().getName().startsWith("skillsync-units")));
        System.out.println("deploy/units: " + objects.size() + " objects valid, policy ok");
    }

    @Test
    void monitoringKustomizationRendersAValidPodMonitorForTheDeployment() {
        List<HasMetadata> base = validObjects("deploy/kubernetes", Manifests.render(Manifests.BASE));
        List<HasMetadata> monitoring = validObjects("deploy/kubernetes/monitoring",
                Manifests.render(Manifests.MONITORING));
        assertEquals(List.of(), ManifestPolicy.checkMonitoring(monitoring, base));
        System.out.println("deploy/kubernetes/monitoring: " + monitoring.size() + " objects valid, policy ok");
    }

    @Test
    void secretTemplatesAreValidEmptyAndNotApplied() {
        List<HasMetadata> templates = validObjects("deploy/kubernetes/secrets.yaml",
                Manifests.documents(Manifests.SECRET_TEMPLATES));
        List<Secret> secrets = ManifestPolicy.of(templates, Secret.class);
        assertEquals(Set.of("skillsync-secrets", "skillsync-sftp", "skillsync-console"),
                Set.copyOf(secrets.stream().map(s -> s.getMetadata().getName()).toList()));
        for (Secret s : secrets) {
            s.getStringData().forEach((key, value) -> assertEquals("", value,
                    "secrets.yaml is a template: " + s.getMetadata().getName() + "." + key + " must stay empty"));
        }
        assertTrue(secrets.stream().anyMatch(s -> s.getStringData().containsKey("QUARKUS_MAILER_PASSWORD")));
        assertTrue(secrets.stream().anyMatch(s -> s.getStringData().containsKey("console-users.properties")));
        assertTrue(secrets.stream().anyMatch(s -> s.getStringData().containsKey("QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY")));
        assertTrue(secrets.stream().anyMatch(s -> s.getStringData().containsKey("SKILLSYNC_SEAL_KEY")), "the seal's key, without which prod does not start");
        // the rule and its reason: applying the templates would blank the live secrets
        JsonNode kustomization = Manifests.documents(Manifests.BASE.resolve("kustomization.yaml")).get(0);
        assertFalse(textList(kustomization.path("resources")).contains("secrets.yaml"),
                "secrets.yaml must not be a resource of the kustomization");
        assertTrue(Manifests.render(Manifests.BASE).stream().noneMatch(n -> n.path("kind").asText().equals("Secret")),
                "the kustomization must not apply a Secret");
    }

    @Test
    void imagesArePinnedAndTheEntrypointIsQuarkusOwn() throws IOException {
        List<String> dockerfile = Files.readAllLines(Manifests.DOCKERFILE);
        List<String> from = dockerfile.stream().filter(l -> l.strip().toUpperCase().startsWith("FROM ")).toList();
        assertFalse(from.isEmpty(), "no FROM in deploy/Dockerfile");
        for (String line : from) {
            String image = line.strip().split("\\s+")[1];
            String tag = ManifestPolicy.tag(image);
            assertTrue(image.contains("@sha256:") || (tag != null && !tag.equals("latest")),
                    "deploy/Dockerfile: base image not pinned: " + line);
        }
        assertTrue(dockerfile.contains("ENTRYPOINT [ \"/opt/jboss/container/java/run/run-java.sh\" ]"),
                "deploy/Dockerfile: the entrypoint must be the base image's run-java.sh, as in Quarkus' Dockerfile.jvm");
        assertTrue(dockerfile.stream().anyMatch(l -> l.contains("JAVA_APP_JAR=\"/deployments/quarkus-run.jar\"")),
                "deploy/Dockerfile: JAVA_APP_JAR must name /deployments/quarkus-run.jar");

        // no :latest in any manifest or in the Dockerfile, comments aside
        List<Path> files;
        try (Stream<Path> walk = Files.walk(Manifests.BASE)) {
            files = new ArrayList<>(walk.filter(p -> p.toString().endsWith(".yaml")).toList());
        }
        files.add(Manifests.DOCKERFILE);
        for (Path file : files) {
            for (String line : Files.readAllLines(file)) {
                String code = line.replaceFirst("\\s*#.*$", "");
                assertTrue(!code.contains(":latest") && !code.matches(".*newTag:\\s*\"?latest\"?.*"),
                        Manifests.ROOT.relativize(file) + ": latest image: " + line);
            }
        }
    }

    private static List<String> textList(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(n -> values.add(n.asText()));
        return values;
    }
}
