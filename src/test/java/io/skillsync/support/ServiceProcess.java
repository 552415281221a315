package io.skillsync.support;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The packaged service ({@code target/quarkus-app/quarkus-run.jar}) as a real process, configured by environment variables. */
public final class ServiceProcess implements AutoCloseable {

    public static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");
    /** The key these processes seal approvals and journals with (a test's, not a secret of any deployment). */
    public static final String SEAL_KEY = "seal-key-of-the-service-processes-in-tests";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final Process process;
    private final int port;

    private ServiceProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * Starts the jar with {@code env} added, as it is shipped: from its own folder, with the AppCDS archive the
     * build made (the archive names the jar relative to that folder); relative folders in {@code env} are taken
     * from the project root.
     */
    /**
     * The packaged jar started in the prod profile as {@code name} with {@code env} (the tests' seal key unless
     * {@code env} says otherwise), which must stop by itself, non-zero, within a minute: what it logged.
     */
    public static String refusedStart(String name, int port, Map<String, String> env) throws Exception {
        Path log = Path.of("target", name + ".log");
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(javaBin, "-jar", JAR.toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
        builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
        builder.environment().putAll(env);
        builder.environment().putIfAbsent("SKILLSYNC_SEAL_KEY", SEAL_KEY);
        Process process = builder.start();
        org.junit.jupiter.api.Assertions.assertTrue(process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS), "it stops by itself");
        org.junit.jupiter.api.Assertions.assertNotEquals(0, process.exitValue(), "it stops with an error");
        return Files.readString(log);
    }

    public static ServiceProcess start(String name, int port, Map<String, String> env) throws IOException {
        return launch(name, port, env).awaitLive();
    }

    /**
     * Starts the jar as {@link #start} does, without waiting for it to be live: a test starts its processes side by
     * side (the simulated tenant while the service starts), then waits for each with {@link #awaitLive()}.
     */
    public static ServiceProcess launch(String name, int port, Map<String, String> env) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java));
        if (Files.isRegularFile(JAR.resolveSibling("app-cds.jsa"))) {
            command.add("-XX:SharedArchiveFile=app-cds.jsa");
        }
        command.addAll(List.of("-jar", JAR.getFileName().toString()));
        ProcessBuilder builder = new ProcessBuilder(command).directory(JAR.getParent().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(Path.of("target", name + ".log").toFile()));
        env.forEach((key, value) -> builder.environment().put(key,
                (key.endsWith("_DIR") || key.endsWith("_FILE")) && !value.contains("://") && !Path.of(value).isAbsolute()
                        ? Path.of(value).toAbsolutePath().toString() : value));
        builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
        // the jar runs in the prod profile: its go-live gate is GoLiveGateTest's; these processes test other things
        builder.environment().putIfAbsent("SKILLSYNC_INTAKE_GO_LIVE_PROBE", "false");
        builder.environment().putIfAbsent("SKILLSYNC_SEAL_KEY", SEAL_KEY);
        return new ServiceProcess(builder.start(), port);
    }

    /** Waits until the process answers its liveness probe (at most a minute): it is started. */
    public ServiceProcess awaitLive() {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                .until(() -> get("/q/health/live").statusCode() == 200);
        return this;
    }

    /** Lines of the log of the process started as {@code name} (target/<name>.log) that contain {@code text}. */
    public static long logged(String name, String text) throws IOException {
        try (Stream<String> lines = Files.lines(Path.of("target", name + ".log"))) {
            return lines.filter(l -> l.contains(text)).count();
        }
    }

    /** How many files the process started as {@code name} has said it picked up. */
    public static long pickedUpIn(String name) throws IOException {
        return logged(name, "picked up");
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> post(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> delete(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).DELETE().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Whether the process is still running (a JVM that ran out of heap may have ended). */
    public boolean alive() {
        return process.isAlive();
    }

    /** SIGKILL: no shutdown hook, no chance to tidy up. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** SIGSTOP: the process is frozen, as in a long GC pause or a stalled node; nothing it holds is renewed. */
    public void freeze() throws IOException, InterruptedException {
        signal("STOP");
    }

    /** SIGCONT: the frozen process goes on where it stopped. */
    public void thaw() throws IOException, InterruptedException {
        signal("CONT");
    }

    private void signal(String name) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + name, String.valueOf(process.pid())).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new IOException("kill -" + name + " " + process.pid() + " failed");
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            try {
                // a frozen process cannot act on SIGTERM
                thaw();
            } catch (IOException e) {
                // gone already
            }
            process.destroy();
            process.waitFor();
        }
    }
}
