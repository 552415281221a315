package io.skillsync.cxone;

import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import io.smallrye.faulttolerance.api.TypedGuard;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;

import io.skillsync.config.PerUnit;
import io.skillsync.config.SkillSyncConfig;
import io.skillsync.config.Unit;
import io.skillsync.config.Units;


/**
 * Sends every {@link CxoneRequest} through route {@code cxone-request} (token, backpressure, the shared
 * throttle, retries). Its circuit breaker counts requests that failed
 * after every retry: five in a row open it, and for a minute ({@code .../CircuitBreaker/delay}) no request
 * is sent at all, so a tenant that is down is not hammered; the run stops and its file waits in the inbox.
 * The open time is {@code skillsync.cxone.circuit-open-for}.
 */
@ApplicationScoped
@Named("cxoneClient")
public class CxoneClient {

    /** The circuit breaker's name, for its state in metrics and health. */
    public static final String CIRCUIT = "cxone";
    private final ProducerTemplate producer;
    /** Each unit's breaker: one tenant down opens no other unit's. */
    private final PerUnit<TypedGuard<CxoneResponse>> circuit;

    CxoneClient(ProducerTemplate producer, SkillSyncConfig config) {
        this.producer = producer;
        this.circuit = new PerUnit<>(unit -> TypedGuard.create(CxoneResponse.class)
                .withCircuitBreaker().name(circuitOf(unit)).requestVolumeThreshold(5).failureRatio(1.0)
                .delay(config.cxone().circuitOpenFor().toMillis(), ChronoUnit.MILLIS)
                .failOn(CxoneUnavailableException.class).done().build());
    }

    /** The circuit breaker's name for the unit, for its state in metrics and health ({@code cxone}, {@code cxone-east}). */
    public static String circuitOf(Unit unit) {
        return unit.named() ? CIRCUIT + "-" + unit.name() : CIRCUIT;
    }

    public CxoneResponse send(CxoneRequest request) {
        String endpoint = "direct:cxone-request" + Units.now().suffix();
        return circuit.get().get(() -> {
            try {
                return producer.requestBody(endpoint, request, CxoneResponse.class);
            } catch (CamelExecutionException e) {
                throw unwrap(e);
            }
        });
    }

    /** A CXone failure as it happened, without the wrapping of Camel's split or producer. */
    public static RuntimeException unwrap(Throwable e) {
        Throwable cause = e;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CxoneException) {
                cause = t;
                break;
            }
            if (t.getCause() == null) {
                cause = t;
            }
        }
        if (cause instanceof TokenRejectedException) {
            return new CxoneCredentialsException(401, "CXone refused a freshly renewed token (401 twice): credentials refused");
        }
        if (cause instanceof CxoneBusyException busy && !(cause instanceof CxoneConflictException)) {
            return new CxoneUnavailableException(busy.status(), busy.getMessage() + ", and to every retry", busy);
        }
        if (cause instanceof java.io.IOException) {
            return new CxoneUnavailableException(0, "CXone could not be reached: " + cause, cause);
        }
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        return new CxoneException(0, "CXone could not be reached: " + cause, cause);
    }
}
