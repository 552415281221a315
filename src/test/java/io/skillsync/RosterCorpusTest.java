package io.skillsync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.skillsync.cxone.TenantDirectory;
import io.skillsync.simulator.TenantSimulator;
import io.skillsync.simulator.TenantSimulator.Skill;
import io.skillsync.support.Tenants;

/**
 * Every file of {@code src/test/resources/rosters/} through the real route, against a 30-agent tenant:
 * each {@code NN-name.csv} beside its {@code NN-name.expected}, which gives the outcome of each line
 * ({@code <line or from-to> <outcome> [text the detail contains]}) or {@code unreadable: <text of the reason>}.
 * Two cases too large to keep as files are made here. For every case: no line without its expected
 * outcome, nothing written when the file is refused, and the input itself kept, byte for byte.
 */
@QuarkusTest
class RosterCorpusTest {

    static final Path CORPUS = Path.of("src/test/resources/rosters");

    @Inject
    TenantSimulator tenant;
    @Inject
    TenantDirectory directory;

    record Case(String name, byte[] content, String expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() throws IOException {
        List<Case> cases = new ArrayList<>();
        try (Stream<Path> files = Files.list(CORPUS)) {
            for (Path csv : files.filter(f -> f.toString().endsWith(".csv")).sorted().toList()) {
                String name = csv.getFileName().toString().replace(".csv", "");
                cases.add(new Case(name, Files.readAllBytes(csv),
                        Files.readString(CORPUS.resolve(name + ".expected"))));
            }
        }
        String note = "x".repeat(1 << 20);
        cases.add(new Case("51-one-megabyte-line", ("email,skill,proficiency,note\n" + Tenants.email(1) + ",Retention,5," + note
                + "\n" + Tenants.email(2) + ",Retention,5,short\n").getBytes(StandardCharsets.UTF_8), "2 applied\n3 applied\n"));
        StringBuilder oneAgent = new StringBuilder("email,skill,proficiency\n");
        for (int i = 0; i < 10_000; i++) {
            oneAgent.append(Tenants.email(1)).append(",Retention,5\n");
        }
        cases.add(new Case("52-ten-thousand-rows-for-one-agent", oneAgent.toString().getBytes(StandardCharsets.UTF_8),
                "2 applied\n3-10001 unchanged duplicate of line 2\n"));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachLineEndsAsExpected(Case roster) throws Exception {
        seed();
        String name = "corpus-" + roster.name() + ".csv";
        Drop.roster(name, roster.content());
        JsonNode run = Drop.awaitRun(name);
        Drop.awaitGone(name);

        assertEquals(sha256(roster.content()), run.path("sha256").asText(), "the summary names the input it read");
        Path kept = Drop.WORK.resolve(run.path("outputs").get(0).asText());
        assertEquals(sha256(roster.content()), sha256(Files.readAllBytes(kept)), "the input is kept as it came: " + kept);

        String expected = roster.expected().lines().filter(l -> !l.isBlank() && !l.startsWith("#"))
                .reduce("", (a, b) -> a + b + "\n");
        if (expected.startsWith("unreadable:")) {
            String reason = expected.substring("unreadable:".length()).strip();
            assertEquals("unreadable", run.path("result").asText(), run.toString());
            assertTrue(run.path("reason").asText().contains(reason), "reason: " + run.path("reason").asText());
            assertTrue(kept.startsWith(Drop.WORK.resolve("error")), "an unreadable file goes to error/ whole");
            assertTrue(Files.readString(Drop.output(run, ".reason.txt")).contains(name), "the reason names the file");
            assertEquals(0, tenant.writes(), "nothing half-applied");
            return;
        }
        assertEquals("complete", run.path("result").asText(), run.toString());
        Map<Integer, String[]> want = new TreeMap<>();
        for (String line : expected.lines().toList()) {
            String[] parts = line.split(" ", 3);
            String[] range = parts[0].split("-");
            for (int at = Integer.parseInt(range[0]); at <= Integer.parseInt(range[range.length - 1]); at++) {
                want.put(at, new String[] { parts[1], parts.length > 2 ? parts[2] : "" });
            }
        }
        Map<Integer, String[]> got = new TreeMap<>();
        for (CSVRecord audit : Drop.audit(run)) {
            got.put(Integer.parseInt(audit.get("line")), new String[] { audit.get("outcome"), audit.get("detail") });
        }
        assertEquals(want.keySet(), got.keySet(), "the lines that are rows");
        want.forEach((line, outcome) -> {
            assertEquals(outcome[0], got.get(line)[0], "line " + line + ": " + got.get(line)[1]);
            assertTrue(got.get(line)[1].contains(outcome[1]), "line " + line + " detail: " + got.get(line)[1]);
        });
        assertEquals(want.size(), run.path("counts").path("rows").asInt());
    }

    /** 30 agents on Tier_1_Support at 10, the usual skills, and two that differ only in case. */
    private void seed() {
        List<Skill> skills = new ArrayList<>(TenantSimulator.defaultSkills());
        skills.add(new Skill(112240, "VIP", true));
        skills.add(new Skill(112241, "vip", true));
        Tenants.seed(tenant, directory, Tenants.agents(30), skills, Tenants.holding(30, Tenants.TIER_1, 10));
    }

    static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }
}
