package io.skillsync.health;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.camel.ProducerTemplate;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import io.skillsync.config.PerUnit;
import io.skillsync.config.SkillSyncConfig;
import io.skillsync.config.Units;
import io.skillsync.cxone.CxoneClient;
import io.skillsync.cxone.CxoneToken;
import io.skillsync.run.RunStatus;

/**
 * Ready also means CXone would take SkillSync's requests now: its token endpoint accepts our credentials
 * and the circuit breaker is closed. Probes cost no request: a token a run obtained counts, and otherwise
 * the token endpoint is asked at most once per {@code skillsync.health.token-check-interval}.
 */
@Readiness
@ApplicationScoped
public class CxoneReadiness implements HealthCheck {

    private final Units units;

    private final CxoneToken token;
    private final RunStatus status;
    private final ProducerTemplate producer;
    private final long intervalMillis;
    /** What this bean keeps of one unit's tenant, for each unit ({@link PerUnit}). */
    private final PerUnit<Checked> state = new PerUnit<>(unit -> new Checked());

    CxoneReadiness(Units units, CxoneToken token, RunStatus status, ProducerTemplate producer, SkillSyncConfig config) {
        this.units = units;
        this.token = token;
        this.status = status;
        this.producer = producer;
        this.intervalMillis = config.health().tokenCheckInterval().toMillis();
    }

    @Override
    public HealthCheckResponse call() {
        return EachUnit.check(units, this::checkUnit);
    }

    private HealthCheckResponse checkUnit() {
        Checked checked = state.get();
        HealthCheckResponseBuilder check = HealthCheckResponse.named("cxone").up().withData("grant", token.grant());
        if (token.needsRenewal() && System.currentTimeMillis() - checked.checkedAt >= intervalMillis) {
            checked.checkedAt = System.currentTimeMillis();
            try {
                producer.requestBody("direct:cxone-token" + Units.now().suffix(), (Object) null);
                checked.lastProblem = null;
            } catch (RuntimeException e) {
                checked.lastProblem = CxoneClient.unwrap(e).getMessage();
            }
        }
        if (token.refused()) {
            check.down().withData("credentials", checked.lastProblem != null ? checked.lastProblem : "refused by the token endpoint");
        } else if (checked.lastProblem != null && token.needsRenewal()) {
            check.down().withData("tokenEndpoint", checked.lastProblem);
        }
        if (status.circuitOpen()) {
            check.down().withData("circuit", "open: five requests in a row failed after every retry; none is sent for a while");
        }
        return check.build();
    }

    private static final class Checked {
        volatile long checkedAt;
        volatile String lastProblem;
    }
}
