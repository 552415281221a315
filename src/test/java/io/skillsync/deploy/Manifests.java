package io.skillsync.deploy;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * The tools behind the manifest checks: {@code kubectl kustomize} renders a kustomization, and Node.js runs
 * deploy/validate/validate.mjs, the JSON-schema check. A missing tool fails the test with what to
 * install: the manifests are never passed unchecked.
 */
final class Manifests {

    static final Path ROOT = findRoot();
    static final Path BASE = ROOT.resolve("deploy/kubernetes");
    static final Path MONITORING = ROOT.resolve("deploy/kubernetes/monitoring");
    static final Path UNITS = ROOT.resolve("deploy/units");
    static final Path SECRET_TEMPLATES = ROOT.resolve("deploy/kubernetes/secrets.yaml");
    static final Path DOCKERFILE = ROOT.resolve("deploy/Dockerfile");
    static final Path SCHEMA_CHECK = ROOT.resolve("deploy/validate");
    /** One strict parser for both manifest tests: building one loads every kind fabric8 knows. */
    static final StrictKubernetesParser PARSER = new StrictKubernetesParser();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final Duration TOOL_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration NPM_TIMEOUT = Duration.ofMinutes(5);
    private static volatile boolean schemaCheckInstalled;

    private Manifests() {
    }

    record Output(int exitCode, String text) {
    }

    /** {@code kubectl kustomize dir}, as a list of objects. */
    static List<JsonNode> render(Path kustomization) {
        String kubectl = tool("KUBECTL", "kubectl",
                "kubectl renders the kustomizations (kubectl kustomize); install kubectl 1.22 or later "
                        + "(e.g. the Kubernetes project's kubectl package), or set KUBECTL to its path");
        Output out = run(List.of(kubectl, "kustomize", kustomization.toString()), ROOT, TOOL_TIMEOUT);
        if (out.exitCode() != 0) {
            fail("kubectl kustomize " + ROOT.relativize(kustomization.toAbsolutePath()) + " failed (exit "
                    + out.exitCode() + "; kubectl " + kubectlVersion(kubectl) + ", needs 1.22 or later):\n"
                    + out.text());
        }
        return documents(out.text());
    }

    /** The YAML documents of a file or of kubectl's output, empty documents left out. */
    static List<JsonNode> documents(String yaml) {
        List<JsonNode> documents = new ArrayList<>();
        try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(yaml)) {
            while (it.hasNext()) {
                JsonNode node = it.next();
                if (node != null && !node.isNull() && !node.isMissingNode() && !node.isEmpty()) {
                    documents.add(node);
                }
            }
        } catch (IOException e) {
            fail("not YAML: " + e.getMessage());
        }
        return documents;
    }

    static List<JsonNode> documents(Path file) {
        try {
            return documents(Files.readString(file));
        } catch (IOException e) {
            return fail("cannot read " + file + ": " + e);
        }
    }

    /**
     * Runs deploy/validate/validate.mjs (JSON schemas generated from the Kubernetes OpenAPI and the
     * prometheus-operator CRDs) on the objects; returns its problem lines, empty when every object is valid.
     */
    static List<String> schemaProblems(List<JsonNode> objects) {
        String node = tool("NODE", "node",
                "Node.js runs the JSON-schema check of the manifests (deploy/validate); install Debian's nodejs "
                        + "and npm packages, or set NODE to its path");
        installSchemaCheck();
        Path input;
        try {
            input = Files.createTempFile("skillsync-manifests", ".json");
            Files.writeString(input, JSON.writeValueAsString(objects));
        } catch (IOException e) {
            return fail("cannot write the objects for the schema check: " + e);
        }
        try {
            Output out = run(List.of(node, SCHEMA_CHECK.resolve("validate.mjs").toString(), input.toString()),
                    SCHEMA_CHECK, TOOL_TIMEOUT);
            List<String> lines = out.text().lines().filter(l -> !l.isBlank()).toList();
            if (out.exitCode() == 0) {
                return List.of();
            }
            if (out.exitCode() == 1 && !lines.isEmpty()) {
                return lines;
            }
            return fail("the JSON-schema check crashed (exit " + out.exitCode() + "):\n" + out.text());
        } finally {
            try {
                Files.deleteIfExists(input);
            } catch (IOException ignored) {
                // a temp file
            }
        }
    }

    /** deploy/validate/node_modules from its package-lock.json (npm ci), once, when it is not there yet. */
    private static synchronized void installSchemaCheck() {
        if (schemaCheckInstalled) {
            return;
        }
        Path installed = SCHEMA_CHECK.resolve("node_modules/.package-lock.json");
        if (!Files.exists(installed) || isOlder(installed, SCHEMA_CHECK.resolve("package-lock.json"))) {
            String npm = tool("NPM", "npm", "npm installs the JSON-schema check's packages (deploy/validate, "
                    + "npm ci); install Debian's npm package, or set NPM to its path");
            Output out = run(List.of(npm, "ci", "--no-audit", "--no-fund", "--loglevel=error"), SCHEMA_CHECK,
                    NPM_TIMEOUT);
            if (out.exitCode() != 0 || !Files.exists(installed)) {
                fail("npm ci in deploy/validate failed (exit " + out.exitCode() + "); the npm registry must be "
                        + "reachable once to install the schema packages:\n" + out.text());
            }
        }
        schemaCheckInstalled = true;
    }

    private static boolean isOlder(Path a, Path b) {
        try {
            return Files.getLastModifiedTime(a).compareTo(Files.getLastModifiedTime(b)) < 0;
        } catch (IOException e) {
            return true;
        }
    }

    /** The executable named by the environment variable, or found on PATH; fails with the hint when neither. */
    static String tool(String variable, String name, String hint) {
        String explicit = System.getenv(variable);
        if (explicit != null && !explicit.isBlank()) {
            if (Files.isExecutable(Path.of(explicit))) {
                return explicit;
            }
            fail(variable + "=" + explicit + " is not an executable. " + hint);
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, name))) {
                return Path.of(dir, name).toString();
            }
        }
        return fail(name + " not found on PATH. " + hint);
    }

    private static String kubectlVersion(String kubectl) {
        Output out = run(List.of(kubectl, "version", "--client"), ROOT, TOOL_TIMEOUT);
        return out.text().lines().findFirst().orElse("?").trim();
    }

    static Output run(List<String> command, Path dir, Duration timeout) {
        try {
            Path log = Files.createTempFile("skillsync-tool", ".out");
            try {
                Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                        .redirectOutput(log.toFile()).start();
                if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    p.destroyForcibly();
                    return fail(String.join(" ", command) + " did not finish within " + timeout.toSeconds() + " s");
                }
                return new Output(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(log);
            }
        } catch (IOException e) {
            return fail("cannot run " + String.join(" ", command) + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted: " + String.join(" ", command));
        }
    }

    private static Path findRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("deploy/kubernetes/kustomization.yaml")) && Files.exists(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("deploy/kubernetes/kustomization.yaml not found above " + Path.of("").toAbsolutePath());
    }
}
