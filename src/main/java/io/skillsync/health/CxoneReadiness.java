package io.skillsync.health;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.camel.ProducerTemplate;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import io.skillsync.config.SkillSyncConfig;
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

    private final CxoneToken token;
    private final RunStatus status;
    private final ProducerTemplate producer;
    private final long intervalMillis;
    private volatile long checkedAt;
    private volatile String lastProblem;

    CxoneReadiness(CxoneToken token, RunStatus status, ProducerTemplate producer, SkillSyncConfig config) {
        this.token = token;
        this.status = status;
        this.producer = producer;
        this.intervalMillis = config.health().tokenCheckInterval().toMillis();
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder check = HealthCheckResponse.named("cxone").up().withData("grant", token.grant());
        if (token.needsRenewal() && System.currentTimeMillis() - checkedAt >= intervalMillis) {
            checkedAt = System.currentTimeMillis();
            try {
                producer.requestBody("direct:cxone-token", (Object) null);
                lastProblem = null;
            } catch (RuntimeException e) {
                lastProblem = CxoneClient.unwrap(e).getMessage();
            }
        }
        if (token.refused()) {
            check.down().withData("credentials", lastProblem != null ? lastProblem : "refused by the token endpoint");
        } else if (lastProblem != null && token.needsRenewal()) {
            check.down().withData("tokenEndpoint", lastProblem);
        }
        if (status.circuitOpen()) {
            check.down().withData("circuit", "open: five requests in a row failed after every retry; none is sent for a while");
        }
        return check.build();
    }
}
