package io.skillsync.console;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import io.skillsync.Drop;
import io.skillsync.record.ReleaseBook;

/**
 * A 50 MB roster previewed through the console's upload (review N4), and the heap that took: the bytes the
 * server's threads allocated meanwhile, printed as a figure: the workers' (the preview itself) apart from
 * the event loops' (Vert.x receiving the upload into its temporary file, before the preview sees it). Its content
 * is kept exactly (same sha256); the dry run of a roster without a header is refused at once, so the
 * intake's threads (not counted) do little.
 */
@QuarkusTest
class PreviewHeapTest {

    static final int SIZE = 50 * 1024 * 1024;

    @Test
    void a50MbUploadIsKeptExactlyAndItsHeapPrinted() throws Exception {
        Path roster = Files.createTempFile("big-roster", ".csv");
        try (OutputStream out = Files.newOutputStream(roster)) {
            byte[] line = "not a roster, a line of 40 characters.\n".getBytes(StandardCharsets.US_ASCII);
            for (int written = 0; written < SIZE; written += line.length) {
                out.write(line);
            }
        }
        ConsoleSessions alice = ConsoleSessions.signIn("alice", "wonderland");

        long receivingBefore = allocated("vert.x-eventloop");
        long previewingBefore = allocated("executor-thread");
        HttpResponse<String> answer = upload(alice, roster);
        System.out.printf("a %.1f MB upload previewed: %.1f MB allocated by the worker threads (the preview: resource method,"
                + " copy, hash), %.1f MB by the event loops (Vert.x receiving the upload into its temporary file)%n",
                Files.size(roster) / 1e6, (allocated("executor-thread") - previewingBefore) / 1e6,
                (allocated("vert.x-eventloop") - receivingBefore) / 1e6);

        assertEquals(303, answer.statusCode(), answer.body());
        String id = answer.headers().firstValue("Location").orElseThrow().replaceFirst(".*[?&]id=", "");
        try {
            JsonNode preview = given().auth().preemptive().basic("alice", "wonderland").get(ConsoleBrowserTest.BASE + "/ops/previews/" + id)
                    .then().statusCode(200).extract().as(JsonNode.class);
            assertEquals(ReleaseBook.sha256(Files.newInputStream(roster)), preview.path("sha256").asText(), "kept exactly as sent");
            // its dry run refuses it at once (no header)
            JsonNode run = Drop.awaitRun("big-roster.preview-" + id + ".dryrun.csv");
            assertEquals("unreadable", run.path("result").asText(), run.toString());
        } finally {
            // the shared work dir outlives the test: the preview goes (else it stays open), and what its run set aside
            given().auth().preemptive().basic("alice", "wonderland").contentType("application/json")
                    .post(ConsoleBrowserTest.BASE + "/ops/previews/" + id + "/discard").then().statusCode(200);
            try (Stream<Path> left = Files.list(Drop.WORK.resolve("error"))) {
                for (Path file : left.filter(f -> f.getFileName().toString().contains(id)).toList()) {
                    Files.delete(file);
                }
            }
            Files.delete(roster);
        }
    }

    /** The bytes allocated so far by the threads whose names start so (a thread's count lives as long as it does). */
    static long allocated(String threadName) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long[] ids = Arrays.stream(threads.getThreadInfo(threads.getAllThreadIds())).filter(t -> t != null)
                .filter(t -> t.getThreadName().startsWith(threadName))
                .mapToLong(java.lang.management.ThreadInfo::getThreadId).toArray();
        return Arrays.stream(threads.getThreadAllocatedBytes(ids)).filter(b -> b > 0).sum();
    }

    /** The console's upload form, as a browser sends it: multipart, with its length, the file streamed from disk. */
    static HttpResponse<String> upload(ConsoleSessions session, Path roster) throws Exception {
        String boundary = "----skillsync" + System.nanoTime();
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + ConsoleCsrf.FIELD + "\"\r\n\r\n"
                + session.token() + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"roster\"; filename=\""
                + "big-roster.csv\"\r\nContent-Type: text/csv\r\n\r\n";
        HttpRequest request = HttpRequest.newBuilder(URI.create(ConsoleBrowserTest.BASE + "/console/preview"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Cookie", session.cookies().entrySet().stream().map(c -> c.getKey() + "=" + c.getValue()).collect(Collectors.joining("; ")))
                .POST(HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofString(head), HttpRequest.BodyPublishers.ofFile(roster),
                        HttpRequest.BodyPublishers.ofString("\r\n--" + boundary + "--\r\n")))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
