package io.skillsync.probe;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jboss.logging.Logger;

import io.skillsync.config.CxoneSettings;
import io.skillsync.config.PerUnit;
import io.skillsync.config.SkillSyncConfig;
import io.skillsync.cxone.CxoneToken;
import io.skillsync.probe.ProbeCheck.Verdict;

/**
 * The go-live gate ({@code skillsync.intake.go-live-probe}): before the intake first opens on a tenant,
 * and again after any change of its URLs, client, access key or read and write settings, the conformance
 * probe's read-only checks run there. A line that needs a setting (or that SkillSync cannot work with)
 * keeps the intake closed, and readiness says which setting and why. A pass is kept in
 * {@code <work-dir>/probe/go-live.json} under a fingerprint of those settings (a hash: no id or secret in
 * it), so later starts open at once.
 */
@ApplicationScoped
public class GoLiveGate {

    private static final Logger LOG = Logger.getLogger(GoLiveGate.class);
    private static final ConformanceProbe.Options READ_ONLY = new ConformanceProbe.Options(null, null, null);

    private final ConformanceProbe probe;
    private final CxoneToken token;
    private final ObjectMapper json;
    private final SkillSyncConfig config;
    /** What this bean keeps of one unit's tenant, for each unit ({@link PerUnit}). */
    private final PerUnit<Gate> state;

    GoLiveGate(ConformanceProbe probe, CxoneToken token, ObjectMapper json, SkillSyncConfig config) {
        this.probe = probe;
        this.token = token;
        this.json = json;
        this.config = config;
        this.state = new PerUnit<>(unit -> new Gate(!config.intake().goLiveProbe()));
    }

    /**
     * Whether the intake may open: at once when this tenant passed the probe with these settings, else
     * after running its read-only checks now.
     *
     * @return null when it may, else why not (the lines and their settings)
     */
    public synchronized String closedBecause() {
        Gate ours = state.get();
        if (ours.passed) {
            return null;
        }
        if (ours.refused != null) {
            return ours.refused;
        }
        String fingerprint = fingerprint();
        if (fingerprint.equals(recorded())) {
            ours.passed = true;
            return null;
        }
        LOG.infof("the go-live probe runs its read-only checks on this tenant before the intake opens (first start,"
                + " or its URLs, credentials or read and write settings changed)");
        ConformanceProbe.Report report;
        try {
            report = probe.run(READ_ONLY);
        } catch (IOException | RuntimeException e) {
            return "the go-live probe could not run (" + e.getMessage() + "); it is tried again";
        }
        if (report.check("probe").isPresent()) {
            return "the go-live probe did not finish (" + report.check("probe").get().observed() + "); it is tried again";
        }
        List<ProbeCheck> blocking = report.checks().stream().filter(c -> c.verdict() == Verdict.SET
                || c.verdict() == Verdict.UNSUPPORTED || c.verdict() == Verdict.ATTENTION).toList();
        if (!blocking.isEmpty()) {
            ours.refused = "the go-live probe found " + blocking.size() + " line(s) that need a setting (" + report.json() + "): "
                    + blocking.stream().map(c -> c.check() + ": " + c.observed() + " -> " + (c.setting().isEmpty()
                            ? c.verdict().label() : c.setting())).collect(Collectors.joining("; "));
            LOG.errorf("the intake stays closed: %s. Set what each line says and restart", ours.refused);
            return ours.refused;
        }
        keep(fingerprint, report);
        ours.passed = true;
        LOG.infof("the go-live probe passed on this tenant in %d request(s) (%s): the intake opens", report.requests(),
                report.json());
        return null;
    }

    /** Everything the probe's verdicts depend on, hashed: the tenant, how SkillSync reaches it, how it reads and writes. */
    public String fingerprint() {
        CxoneSettings cxone = config.cxone();
        CxoneSettings.Reads reads = cxone.reads();
        String settings = String.join("\n", cxone.apiUrl().orElse(""), cxone.tokenUrl(), cxone.discoveryUrl(),
                cxone.clientId().orElse(""), cxone.accessKeyId().orElse(""), String.valueOf(token.tenantId()),
                reads.agentsQuery().orElse(""), reads.skillsQuery().orElse(""), reads.assignmentsQuery().orElse(""),
                reads.inactiveAssignments().label(), String.valueOf(reads.perSkill()), reads.changedHolders(), cxone.writeMode().label(),
                String.valueOf(cxone.requestsPerMinute()));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(settings.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String recorded() {
        try {
            if (!Files.exists(record())) {
                return null;
            }
            JsonNode kept = json.readTree(record().toFile());
            return kept.path("fingerprint").asText(null);
        } catch (IOException | RuntimeException e) {
            LOG.warnf("the go-live record %s cannot be read (%s): the probe runs again", record(), e.getMessage());
            return null;
        }
    }

    private void keep(String fingerprint, ConformanceProbe.Report report) {
        try {
            Files.createDirectories(record().getParent());
            Files.writeString(record(), json.writerWithDefaultPrettyPrinter().writeValueAsString(json.createObjectNode()
                    .put("fingerprint", fingerprint).put("passedAt", Instant.now().toString())
                    .put("report", report.json().toString()).put("requests", report.requests())));
        } catch (IOException e) {
            // not kept is not lost: the next start runs the probe again
            LOG.warnf("could not keep the go-live record in %s: %s", record(), e.getMessage());
        }
    }

    private static final class Gate {
        volatile boolean passed;
        /** The lines that keep the intake closed until the settings change (a restart), or null. */
        volatile String refused;

        Gate(boolean passed) {
            this.passed = passed;
        }
    }

    private Path record() {
        return Path.of(config.workDir(), "probe", "go-live.json");
    }
}
