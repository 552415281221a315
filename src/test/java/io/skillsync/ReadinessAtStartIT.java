package io.skillsync;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.skillsync.support.ServiceProcess;
import io.skillsync.support.WorkDirs;

/**
 * The packaged jar, as Kubernetes probes it from its first second: every readiness answer comes within the
 * probe's 1 s timeout. Camel's file cluster view answers "am I the leader?" under the lock it holds while
 * the master consumers start, which took about 10 s: asked directly, readiness (and the leader metric)
 * hung that long at every start and takeover. Prints the time from JVM start to ready.
 */
class ReadinessAtStartIT {

    static final Path WORK = Path.of("target/it-readiness");
    static final int PORT = 18391;

    @Test
    void readinessAnswersWithinTheProbeTimeoutWhileTheReplicaStarts() throws Exception {
        WorkDirs.deleteTree(WORK);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();
        long started = System.nanoTime();
        List<String> slow = new ArrayList<>();
        // the dev profile: the simulated tenant in the same process grants the token that opens the intake
        try (ServiceProcess service = ServiceProcess.start("readiness-at-start", PORT, Map.of("QUARKUS_PROFILE", "dev",
                "SKILLSYNC_WORK_DIR", WORK.toString()))) {
            double readyAfter = -1;
            while (System.nanoTime() - started < Duration.ofSeconds(30).toNanos()) {
                long asked = System.nanoTime();
                try {
                    HttpResponse<String> ready = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + PORT
                            + "/q/health/ready")).timeout(Duration.ofSeconds(1)).build(), HttpResponse.BodyHandlers.ofString());
                    if (ready.statusCode() == 200 && readyAfter < 0) {
                        readyAfter = (System.nanoTime() - started) / 1e9;
                    }
                } catch (HttpTimeoutException e) {
                    slow.add(String.format("no answer within 1 s, asked %.1f s after start", (asked - started) / 1e9));
                }
                if (readyAfter > 0 && System.nanoTime() - started > Duration.ofSeconds(15).toNanos()) {
                    break;
                }
                Thread.sleep(100);
            }
            System.out.printf("readiness at start: ready %.2f s after the JVM was started (AppCDS: %s); answers over 1 s: %d%n",
                    readyAfter, ServiceProcess.JAR.resolveSibling("app-cds.jsa").toFile().isFile(), slow.size());
            assertTrue(readyAfter > 0, "ready within 30 s");
            assertTrue(slow.isEmpty(), String.join("; ", slow));
        }
    }
}
