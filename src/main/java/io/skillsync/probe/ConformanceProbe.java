package io.skillsync.probe;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.skillsync.config.CxoneSettings;
import io.skillsync.config.SkillSyncConfig;
import io.skillsync.probe.ProbeCheck.Verdict;

/**
 * The conformance probe (docs/deploying.md, "Before go-live"): asks the operator's sandbox tenant, with the
 * production configuration, each point cxone-api.md marks likely or unknown, and prints what CXone did
 * beside what SkillSync assumes and the setting to change. Read-only unless given an agent and a skill;
 * then it writes on that one assignment and puts it back as it was. At most 60 requests, paced at the limit.
 */
@ApplicationScoped
public class ConformanceProbe {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    /**
     * @param agentEmail an agent whose assignment the probe may change and put back (with {@code skillName})
     * @param skillName  a skill that agent holds
     * @param spareSkill a skill the agent does not hold, to try PUT on a missing assignment (left inactive if CXone assigns it)
     */
    public record Options(String agentEmail, String skillName, String spareSkill) {
        public boolean writes() {
            return agentEmail != null && skillName != null;
        }
    }

    /** The probe's findings, and where it saved them. */
    public record Report(List<ProbeCheck> checks, int requests, Path json, Path fixtures) {
        public boolean settingsNeeded() {
            return checks.stream().anyMatch(c -> c.verdict() == Verdict.SET || c.verdict() == Verdict.UNSUPPORTED
                    || c.verdict() == Verdict.ATTENTION);
        }

        public Optional<ProbeCheck> check(String name) {
            return checks.stream().filter(c -> c.check().equals(name)).findFirst();
        }

        /** The table as a terminal shows it. */
        public String table() {
            StringBuilder out = new StringBuilder();
            out.append(String.format("%-34s | %-9s | %-58s | %-40s | %s%n", "check", "verdict", "what CXone did",
                    "what SkillSync assumes", "setting to change"));
            out.append("-".repeat(175)).append('\n');
            for (ProbeCheck c : checks) {
                out.append(String.format("%-34s | %-9s | %-58s | %-40s | %s%n", c.check(), c.verdict().label(), c.observed(),
                        c.assumed(), c.setting()));
            }
            out.append(String.format("%d request(s); saved as %s, raw answers (scrubbed) in %s%n", requests, json, fixtures));
            return out.toString();
        }
    }

    private final SkillSyncConfig config;
    private final ObjectMapper json;

    ConformanceProbe(SkillSyncConfig config, ObjectMapper json) {
        this.config = config;
        this.json = json;
    }

    /**
     * A folder of this probe's own: two probes in the same second (the go-live gate and an operator's, or two in a
     * row) would mix their answers and overwrite each other's report.
     */
    static Path freshFolder(Path parent, String stamp) throws IOException {
        Files.createDirectories(parent);
        for (int n = 1;; n++) {
            try {
                return Files.createDirectory(parent.resolve(n == 1 ? stamp : stamp + "-" + n));
            } catch (java.nio.file.FileAlreadyExistsException taken) {
                // that second's folder is another probe's: the next one
            }
        }
    }

    public Report run(Options options) throws IOException {
        CxoneSettings cxone = config.cxone();
        Path dir = freshFolder(Path.of(config.workDir(), "probe"), STAMP.format(Instant.now()));
        ProbeSession session = new ProbeSession(json, cxone.requestsPerMinute(), dir.resolve("fixtures"),
                cxone.connectTimeout(), cxone.correlation().requestHeader());
        List<ProbeCheck> checks = new ArrayList<>();
        try {
            String api = new TokenChecks(config, json).token(session, checks);
            if (api != null) {
                new ReadChecks(config).reads(session, checks, api);
                if (options.writes()) {
                    new WriteChecks(config).writes(session, checks, api, options);
                } else {
                    checks.add(new ProbeCheck("writes", "not tried (read-only: give --agent and --skill to try them)",
                            "-", Verdict.UNKNOWN, ""));
                }
            }
        } catch (IOException e) {
            checks.add(new ProbeCheck("probe", "stopped: " + (e.getMessage() == null ? e.toString() : e.getMessage()), "-",
                    Verdict.UNKNOWN, ""));
        }
        Path report = dir.resolve("probe.json");
        ObjectNode saved = json.createObjectNode().put("requests", session.requests());
        ArrayNode lines = saved.putArray("checks");
        checks.forEach(c -> lines.addObject().put("check", c.check()).put("verdict", c.verdict().label())
                .put("observed", c.observed()).put("assumed", c.assumed()).put("setting", c.setting()));
        Files.createDirectories(dir);
        Files.writeString(report, json.writerWithDefaultPrettyPrinter().writeValueAsString(saved));
        return new Report(List.copyOf(checks), session.requests(), report, dir.resolve("fixtures"));
    }
}
