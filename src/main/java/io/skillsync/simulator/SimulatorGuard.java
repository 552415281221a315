package io.skillsync.simulator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.config.SmallRyeConfig;
import org.eclipse.microprofile.config.ConfigProvider;

import io.skillsync.config.SkillSyncConfig;

/**
 * The simulated tenant answers without real credentials and its admin endpoints rewrite the tenant: it
 * never runs in the prod profile. A prod start with {@code skillsync.simulator.enabled=true} fails at once,
 * saying so. (A process that plays the tenant for tests runs in the dev profile.) Names of further simulated
 * tenants ({@code skillsync.simulator.tenants}) are checked at start too.
 */
@ApplicationScoped
public class SimulatorGuard {

    void refuseInProd(@Observes StartupEvent start, SkillSyncConfig config) {
        var profiles = ConfigProvider.getConfig().unwrap(SmallRyeConfig.class).getProfiles();
        if (config.simulator().enabled() && profiles.contains("prod")) {
            throw new IllegalStateException("skillsync.simulator.enabled=true in the prod profile: the simulated tenant"
                    + " and its unauthenticated admin endpoints never run in production; start it with"
                    + " -Dquarkus.profile=dev for a demo or a test tenant");
        }
        if (config.simulator().enabled()) {
            // a misspelt tenant name fails the start, not the first test that asks for the tenant
            SimulatedTenants.names(config.simulator());
        }
    }
}
