package io.skillsync.cluster;

import jakarta.enterprise.inject.Instance;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.micrometer.core.instrument.MeterRegistry;

import io.skillsync.config.Units;
import io.skillsync.simulator.TenantSimulator;

/**
 * A replica whose Lease runs out while its first write waits: it leads until the tenant has seen one write,
 * then no longer (installed with QuarkusMock for one test, FaultsTest).
 */
public class LeadershipLostAtFirstWrite extends Leadership {

    private final TenantSimulator tenant;

    public LeadershipLostAtFirstWrite(Units units, Instance<KubernetesClient> kubernetes, MeterRegistry metrics,
            TenantSimulator tenant) {
        super(units, kubernetes, metrics);
        this.tenant = tenant;
    }

    @Override
    public boolean held() {
        return tenant.writes() == 0;
    }

    @Override
    public boolean leads() {
        return held();
    }
}
