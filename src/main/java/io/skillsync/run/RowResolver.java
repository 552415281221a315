package io.skillsync.run;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import org.apache.camel.ExchangeProperty;

import io.skillsync.config.PerUnit;
import io.skillsync.cxone.TenantDirectory;
import io.skillsync.cxone.TenantDirectory.Meant;
import io.skillsync.sync.Outcome;
import io.skillsync.sync.Row;
import io.skillsync.sync.SkillHints;

/**
 * Turns a valid row's e-mail and skill name into CXone's agentId and skillId, from the cached directory.
 * A row naming an agent or skill the tenant lacks is rejected; so is one whose two names disagree.
 */
@ApplicationScoped
@Named("rowResolver")
public class RowResolver {

    private final TenantDirectory directory;
    /** What this bean keeps of one unit's tenant, for each unit ({@link PerUnit}). */
    private final PerUnit<Named> state = new PerUnit<>(unit -> new Named());

    RowResolver(TenantDirectory directory) {
        this.directory = directory;
    }

    public RowRequest resolve(RowRequest request, @ExchangeProperty(RunProperties.RUN) Run run) {
        Row row = request.row();
        if (!row.open()) {
            return request;
        }
        Long agentId = agent(request, run, row);
        Long skillId = agentId == null ? null : skill(request, run, row);
        if (agentId != null && skillId != null) {
            row.resolvedTo(agentId, skillId);
        }
        return request;
    }

    private Long agent(RowRequest request, Run run, Row row) {
        TenantDirectory.Agents agents = directory.agents(run.started());
        if (request.email() != null) {
            Meant meant = agents.meant(request.email());
            if (meant instanceof Meant.None) {
                meant = directory.agentsNewerThan(run.started()).meant(request.email());
            }
            if (meant instanceof Meant.None) {
                return reject(request, "email: no agent with this e-mail address in CXone");
            }
            if (!(meant instanceof Meant.One one)) {
                return reject(request, "email: several CXone agents have this e-mail address (a rehire or a shared mailbox)"
                        + " and none is the one active account; name the agent by agentId");
            }
            Long byEmail = one.id();
            if (request.agentId() != null && !request.agentId().equals(byEmail)) {
                return reject(request, "agentId " + request.agentId() + " and email belong to different agents (the e-mail is agent "
                        + byEmail + ")");
            }
            return byEmail;
        }
        if (!agents.byId().containsKey(request.agentId())
                && !directory.agentsNewerThan(run.started()).byId().containsKey(request.agentId())) {
            return reject(request, "agentId: no agent " + request.agentId() + " in CXone");
        }
        return request.agentId();
    }

    private Long skill(RowRequest request, Run run, Row row) {
        TenantDirectory.Skills skills = directory.skills(run.started());
        if (request.skill() != null) {
            Meant meant = skills.meant(request.skill());
            if (meant instanceof Meant.None) {
                skills = directory.skillsNewerThan(run.started());
                meant = skills.meant(request.skill());
            }
            if (meant instanceof Meant.None) {
                // a near name is suggested, never applied: a wrong guess would route calls to the wrong agents
                return reject(request, "skill: no skill named '" + request.skill() + "' in CXone"
                        + SkillHints.hint(hints(skills).nearest(request.skill())));
            }
            if (meant instanceof Meant.Several several) {
                return reject(request, !several.onlyInCase()
                        ? "skill: several CXone skills are named '" + request.skill() + "'; give the skillId instead"
                        : "skill: '" + request.skill() + "' matches several CXone skills that differ only in case"
                                + "; spell it exactly");
            }
            Long byName = meant.single().orElseThrow();
            if (request.skillId() != null && !request.skillId().equals(byName)) {
                return reject(request, "skillId " + request.skillId() + " and skill '" + request.skill()
                        + "' name different skills ('" + request.skill() + "' is skill " + byName + ")");
            }
            return byName;
        }
        if (!skills.byId().containsKey(request.skillId())
                && !directory.skillsNewerThan(run.started()).byId().containsKey(request.skillId())) {
            return reject(request, "skillId: no skill " + request.skillId() + " in CXone");
        }
        return request.skillId();
    }

    /**
     * The hints of the tenant's skills as last read: normalised once per read and remembering its answers, since a
     * file that misspells a skill misspells it row after row (SkillHints.nearest normalised every name each time).
     */
    private SkillHints hints(TenantDirectory.Skills skills) {
        Hints cached = state.get().hints;
        if (cached == null || cached.skills() != skills) {
            cached = new Hints(skills, SkillHints.among(skills.byName().keySet()));
            state.get().hints = cached;
        }
        return cached.hints();
    }

    private record Hints(TenantDirectory.Skills skills, SkillHints hints) {
    }

    private static Long reject(RowRequest request, String problem) {
        request.row().end(Outcome.REJECTED, request.place() + ": " + problem);
        return null;
    }

    private static final class Named {
        volatile Hints hints;
    }
}
