package io.skillsync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import io.skillsync.cxone.TenantDirectory;
import io.skillsync.simulator.TenantSimulator;
import io.skillsync.support.Tenants;
import io.skillsync.support.profiles.Watched;

/** With tracing on, every CXone request carries traceparent, and the audit line of a written row names its trace. */
@QuarkusTest
@TestProfile(Watched.class)
class TracingTest {

    @Inject
    TenantSimulator tenant;
    @Inject
    TenantDirectory directory;

    @Test
    void writesCarryTraceparentAndTheAuditRecordsTheTrace() {
        Tenants.everyoneOnTier1(tenant, directory, 5);
        Drop.roster("traced.csv", "email,skill,proficiency\n" + Tenants.email(1) + ",Retention,5\n");
        JsonNode run = Drop.awaitRun("traced.csv");
        assertEquals(1, run.path("counts").path("applied").asInt(), run.toString());

        List<TenantSimulator.Request> api = tenant.requests().stream().filter(r -> !r.path().startsWith("/auth")).toList();
        assertTrue(api.stream().allMatch(r -> r.headers().containsKey("traceparent")), "every API request is traced");
        TenantSimulator.Request write = api.stream().filter(r -> r.method().equals("POST")).findFirst().orElseThrow();
        String traceId = write.headers().get("traceparent").split("-")[1];
        CSVRecord audit = Drop.audit(run).get(0);
        assertNotNull(audit.get("traceId"));
        assertEquals(traceId, audit.get("traceId"));
    }
}
