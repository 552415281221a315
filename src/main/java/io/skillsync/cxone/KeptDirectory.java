package io.skillsync.cxone;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jboss.logging.Logger;

import io.skillsync.cxone.TenantDirectory.Skills;

/**
 * The agents and skills as kept under {@code <work-dir>/.directory/}, for one tenant: its API URL and the
 * tenantId of CXone's id_token (a sandbox and production of one area share an API URL). Kept lists of any
 * other tenant are never used: that tenant's ids would be written to this one.
 */
final class KeptDirectory {

    private static final Logger LOG = Logger.getLogger(KeptDirectory.class);

    /** The tenant SkillSync talks to now ({@link CxoneEndpoint#tenantKey()}). */
    private final java.util.function.Supplier<String> tenant;
    private final ObjectMapper json;
    private final Path agentsFile;
    private final Path skillsFile;

    KeptDirectory(java.util.function.Supplier<String> tenant, ObjectMapper json, Path dir) {
        this.tenant = tenant;
        this.json = json;
        this.agentsFile = dir.resolve("agents.json");
        this.skillsFile = dir.resolve("skills.json");
    }

    AgentBook loadAgents() {
        try {
            if (!Files.exists(agentsFile)) {
                return null;
            }
            JsonNode kept = json.readTree(agentsFile.toFile());
            // a work dir pointed at another tenant (a sandbox, then production) starts from that tenant's answer
            return tenant.get().equals(kept.path("tenant").asText()) ? AgentBook.fromJson(kept) : null;
        } catch (IOException | RuntimeException e) {
            LOG.warnf("the kept agent list %s cannot be read (%s): it is read from CXone whole", agentsFile, e.getMessage());
            return null;
        }
    }

    Skills loadSkills() {
        try {
            if (!Files.exists(skillsFile)) {
                return null;
            }
            JsonNode kept = json.readTree(skillsFile.toFile());
            if (!tenant.get().equals(kept.path("tenant").asText())) {
                return null;
            }
            SkillBook book = new SkillBook();
            kept.path("skills").forEach(skill -> book.put(skill.path("skillId").asLong(), skill.path("skillName").asText(),
                    skill.path("isActive").asBoolean(true)));
            return book.lookups(Instant.parse(kept.path("readAt").asText()));
        } catch (IOException | RuntimeException e) {
            LOG.warnf("the kept skill list %s cannot be read (%s): it is read from CXone", skillsFile, e.getMessage());
            return null;
        }
    }

    void saveAgents(AgentBook book) {
        save(agentsFile, book.toJson(json).put("tenant", tenant.get()));
    }

    void saveSkills(SkillBook book, Instant asked) {
        var kept = json.createObjectNode().put("tenant", tenant.get()).put("readAt", asked.toString());
        var list = kept.putArray("skills");
        book.byId.forEach((id, name) -> list.addObject().put("skillId", id).put("skillName", name)
                .put("isActive", !book.inactive.contains(id)));
        save(skillsFile, kept);
    }

    void delete() {
        try {
            Files.deleteIfExists(agentsFile);
            Files.deleteIfExists(skillsFile);
        } catch (IOException e) {
            LOG.warnf("could not delete the kept tenant directory: %s", e.getMessage());
        }
    }

    /** Written whole under a temporary name, then moved: a crash leaves the old list or the new one. */
    private void save(Path file, JsonNode content) {
        try {
            Files.createDirectories(file.getParent());
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            json.writeValue(temporary.toFile(), content);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // not kept is not lost: the next start reads the tenant whole
            LOG.warnf("could not keep the tenant directory in %s: %s", file, e.getMessage());
        }
    }
}
