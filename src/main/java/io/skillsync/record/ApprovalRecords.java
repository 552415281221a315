package io.skillsync.record;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The files of {@code approvals/}: a release ({@code <sha256>.json}) and, under the two-person rule, the
 * first operator's request ({@code <sha256>.request.json}), each a flat JSON object sealed with the
 * service's key for its purpose, so that neither passes for the other and none can be written by hand.
 */
final class ApprovalRecords {

    static final String RELEASE = "approval";
    static final String REQUEST = "release-request";
    /** What the seal covers, in this order: every field but the seal. */
    private static final String[] FIELDS = { "id", "sha256", "file", "by", "requestedBy", "at", "shown" };

    private final ObjectMapper json;
    private final RecordSeal seal;

    ApprovalRecords(ObjectMapper json, RecordSeal seal) {
        this.json = json;
        this.seal = seal;
    }

    /** A new record's fields (its seal is added when written). */
    static Map<String, String> of(String id, String sha256, String file, String by, String requestedBy, Instant at, String shown) {
        Map<String, String> record = new LinkedHashMap<>();
        record.put("id", id);
        record.put("sha256", sha256);
        record.put("file", file);
        record.put("by", by);
        record.put("requestedBy", requestedBy == null ? "" : requestedBy);
        record.put("at", at.toString());
        record.put("shown", shown == null ? "" : shown);
        return record;
    }

    /** Writes {@code record} sealed for {@code purpose} to {@code target}, whole or not at all. */
    void write(Path target, String purpose, Map<String, String> record) throws IOException {
        Map<String, String> sealed = new LinkedHashMap<>(record);
        sealed.put("seal", seal.seal(purpose, covered(record)));
        Files.createDirectories(target.getParent());
        Path part = AtomicFiles.part(target);
        Files.write(part, json.writerWithDefaultPrettyPrinter().writeValueAsBytes(sealed));
        Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** The record in {@code file}; empty when it is not one (not JSON, not flat). */
    Optional<Map<String, String>> read(Path file) {
        try {
            return Optional.of(json.readValue(file.toFile(), new TypeReference<LinkedHashMap<String, String>>() { }));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Whether the service sealed {@code record} for {@code purpose}, as it stands. */
    boolean sealedFor(String purpose, Map<String, String> record) {
        return seal.holds(purpose, covered(record), record.get("seal"));
    }

    private static String covered(Map<String, String> record) {
        return String.join("\n", Stream.of(FIELDS).map(k -> k + "=" + record.getOrDefault(k, "")).toList());
    }
}
