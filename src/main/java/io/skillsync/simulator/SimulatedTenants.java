package io.skillsync.simulator;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import io.skillsync.config.SimulatorSettings;
import io.skillsync.config.SkillSyncConfig;

/**
 * Every simulated tenant of the process: the default one at {@code /sim} and those named in
 * {@code skillsync.simulator.tenants}, each at {@code /sim/tenants/<name>}. Several business units in one
 * deployment (issue 27) are tested against tenants that share nothing: state, limit, faults, request log and
 * credentials are each tenant's own. Tests set a named tenant's faults and read its state through
 * {@link #named(String)}, as they do the default tenant's through the {@link TenantSimulator} bean.
 */
@ApplicationScoped
public class SimulatedTenants {

    /** A name is a path segment: letters, digits and {@code -}, nothing that needs escaping in a URL. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9-]+");

    private final TenantSimulator defaultTenant;
    private final Map<String, TenantSimulator> named = new LinkedHashMap<>();

    SimulatedTenants(TenantSimulator defaultTenant, SkillSyncConfig config) {
        this.defaultTenant = defaultTenant;
        for (String name : names(config.simulator())) {
            named.put(name, TenantSimulator.named(name, config.simulator()));
        }
    }

    /**
     * The names configured, checked: a name that is no path segment, the default's own name, or a name given
     * twice would serve a tenant nobody can reach or two units one tenant; refused (at start, by {@link SimulatorGuard}).
     */
    static List<String> names(SimulatorSettings settings) {
        List<String> names = new ArrayList<>();
        for (String name : settings.tenants().orElse(List.of())) {
            String stripped = name.strip();
            if (!NAME.matcher(stripped).matches() || stripped.equals(TenantSimulator.DEFAULT) || names.contains(stripped)) {
                throw new IllegalStateException("skillsync.simulator.tenants: '" + stripped + "' is no name for another"
                        + " simulated tenant (letters, digits and '-', not '" + TenantSimulator.DEFAULT
                        + "', each name once)");
            }
            names.add(stripped);
        }
        return names;
    }

    /** The named tenant, for a test to seed, fault or look at; an unknown name is a test's mistake. */
    public TenantSimulator named(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException("no simulated tenant '" + name
                + "': name it in skillsync.simulator.tenants (named: " + named.keySet() + ")"));
    }

    Optional<TenantSimulator> find(String name) {
        return Optional.ofNullable(named.get(name));
    }

    public List<String> names() {
        return List.copyOf(named.keySet());
    }

    /** The default tenant first, then the named ones in the order configured. */
    public List<TenantSimulator> all() {
        List<TenantSimulator> all = new ArrayList<>(List.of(defaultTenant));
        all.addAll(named.values());
        return Collections.unmodifiableList(all);
    }

    /** Which tenant issued {@code token} (for the request log), {@code "unknown"} when none did. */
    String issuerOf(String token) {
        return all().stream().filter(t -> t.issued(token)).map(TenantSimulator::name).findFirst().orElse("unknown");
    }

    /** Whose client id {@code clientId} is (for the request log: a client id is no secret), {@code "unknown"} if nobody's. */
    String ownerOfClient(String clientId) {
        return all().stream().filter(t -> t.credentials().clientId().equals(clientId)).map(TenantSimulator::name)
                .findFirst().orElse("unknown");
    }
}
