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

/** The agents and skills as kept under {@code <work-dir>/.directory/}, for one tenant (its API URL). */
final class KeptDirectory {

    /** The directory's category: these lines belong to the story of the kept lists. */
    private static final Logger LOG = Logger.getLogger(TenantDirectory.class);

    private final CxoneEndpoint endpoint;
    private final ObjectMapper json;
    private final Path agentsFile;
    private final Path skillsFile;

    KeptDirectory(CxoneEndpoint endpoint, ObjectMapper json, Path dir) {
        this.endpoint = endpoint;
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
            return endpoint.apiUrl().equals(kept.path("tenant").asText()) ? AgentBook.fromJson(kept) : null;
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
            if (!endpoint.apiUrl().equals(kept.path("tenant").asText())) {
                return null;
            }
            SkillBook book = new SkillBook();
            kept.path("skills").forEach(skill -> book.put(skill.path("skillId").asLong(), skill.path("skillName").asText()));
            return book.lookups(Instant.parse(kept.path("readAt").asText()));
        } catch (IOException | RuntimeException e) {
            LOG.warnf("the kept skill list %s cannot be read (%s): it is read from CXone", skillsFile, e.getMessage());
            return null;
        }
    }

    void saveAgents(AgentBook book) {
        save(agentsFile, book.toJson(json).put("tenant", endpoint.apiUrl()));
    }

    void saveSkills(SkillBook book, Instant asked) {
        var kept = json.createObjectNode().put("tenant", endpoint.apiUrl()).put("readAt", asked.toString());
        var list = kept.putArray("skills");
        book.byId.forEach((id, name) -> list.addObject().put("skillId", id).put("skillName", name));
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
