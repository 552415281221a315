package io.skillsync.simulator;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.skillsync.config.SkillSyncConfig;

/**
 * The simulated tenants' root, {@code /sim}: the default tenant answers there, as it always has (dev mode, the
 * README, every single-tenant test); each tenant named in {@code skillsync.simulator.tenants} answers the same
 * endpoints under {@code /sim/tenants/<name>} (issue 27: several business units in one deployment), through
 * the same {@link TenantEndpoints}.
 */
@Path("/sim")
public class SimulatorResource extends TenantEndpoints {

    private final SimulatedTenants tenants;
    private final ObjectMapper json;
    private final SkillSyncConfig config;

    SimulatorResource(TenantSimulator tenant, SimulatedTenants tenants, ObjectMapper json, SkillSyncConfig config) {
        super(tenant, tenants, json, config, null, null);
        this.tenants = tenants;
        this.json = json;
        this.config = config;
    }

    /** A named tenant's endpoints; 404 for a name not configured, or when the simulator is off. */
    @Path("/tenants/{tenant}")
    public TenantEndpoints named(@PathParam("tenant") String name) {
        if (!config.simulator().enabled()) {
            throw new NotFoundException();
        }
        TenantSimulator named = tenants.find(name).orElseThrow(NotFoundException::new);
        // this resource's headers and URI follow the request being served, so the named tenant's endpoints use them
        return new TenantEndpoints(named, tenants, json, config, headers, uri);
    }
}
