package io.skillsync;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import io.skillsync.cxone.TenantDirectory;
import io.skillsync.intake.ScheduledRosters;
import io.skillsync.simulator.TenantSimulator;
import io.skillsync.support.Tenants;

/**
 * A class that graduates on Friday and a veteran covering for two weeks (roster-format.md, "Effective dates"):
 * rows effective later are checked now but written only when their time comes; a temporary change puts back
 * what CXone held before it, by itself; an operator may cancel what is scheduled.
 */
@QuarkusTest
class EffectiveDatesTest {

    @Inject
    TenantSimulator tenant;
    @Inject
    TenantDirectory directory;
    @Inject
    ScheduledRosters scheduled;

    @Test
    void laterRowsWaitForTheirTimeAndATemporaryChangeEndsByItself() throws IOException {
        Tenants.everyoneOnTier1(tenant, directory, 6);
        Instant soon = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(8);
        Drop.roster("class-of-friday.csv", String.join("\n",
                "email,skill,proficiency,active,effective,until",
                Tenants.email(1) + ",Tier_1_Support,5,,2020-01-01,",                // 2 effective in the past: now
                Tenants.email(2) + ",Retention,5,,2020-01-01," + soon,               // 3 now, back at 'soon'
                Tenants.email(3) + ",Tier_1_Support,3,," + soon + ",",               // 4 scheduled
                Tenants.email(4) + ",Tier_1_Support,3,," + soon + ",2020-01-01",     // 5 until before effective
                Tenants.email(5) + ",Tier_1_Support,3,,next friday,"));              // 6 not a date
        JsonNode run = Drop.awaitRun("class-of-friday.csv");

        Map<String, String> byLine = Drop.audit(run).stream()
                .collect(Collectors.toMap(r -> r.get("line"), r -> r.get("outcome") + ": " + r.get("detail")));
        assertTrue(byLine.get("2").startsWith("applied"), byLine.toString());
        assertTrue(byLine.get("3").startsWith("applied"), byLine.toString());
        assertEquals("scheduled: takes effect at " + soon, byLine.get("4"));
        assertTrue(byLine.get("5").contains("until '2020-01-01' is not after effective"), byLine.toString());
        assertTrue(byLine.get("6").contains("effective 'next friday' is not a date"), byLine.toString());
        assertEquals(1, run.path("counts").path("scheduled").asInt(), run.toString());
        assertEquals(10, tenant.assignment(Tenants.agentId(3), Tenants.TIER_1).proficiency(), "not before its time");
        assertEquals(5, tenant.assignment(Tenants.agentId(2), Tenants.RETENTION).proficiency());
        assertEquals(2, scheduled.list().size(), "the later rows and the end of the temporary change: " + scheduled.list());
        assertTrue(scheduled.list().stream().allMatch(file -> file.due().equals(soon)), scheduled.list().toString());

        // at its time each file runs as any roster: the graduate gets Tier_1_Support, the cover ends
        await().atMost(Duration.ofSeconds(30)).until(() -> tenant.assignment(Tenants.agentId(3), Tenants.TIER_1).proficiency() == 3);
        await().atMost(Duration.ofSeconds(30)).until(() -> !tenant.assignment(Tenants.agentId(2), Tenants.RETENTION).active());
        assertTrue(Instant.now().isAfter(soon));
        assertEquals(0, scheduled.list().size());
        // both runs recorded and their files gone before the next test: a run still writing would meet its faults
        await().atMost(Duration.ofSeconds(30)).until(() -> Drop.summaries(Drop.WORK).stream()
                .filter(s -> s.path("file").asText().startsWith("class-of-friday")).count() == 3);
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            try (var left = Files.list(Drop.WORK.resolve("inbox"))) {
                return left.noneMatch(f -> f.getFileName().toString().startsWith("class-of-friday"));
            }
        });
    }

    @Test
    void anOperatorCancelsAScheduledFileAndItIsSetAsideWithTheReason() throws IOException {
        Tenants.everyoneOnTier1(tenant, directory, 3);
        Drop.roster("next-month.csv", "email,skill,proficiency,effective\n" + Tenants.email(1) + ",Tier_1_Support,2,2099-01-01\n");
        Drop.awaitRun("next-month.csv");
        String name = scheduled.list().stream().filter(f -> f.name().startsWith("next-month.")).findFirst().orElseThrow().name();

        assertTrue(scheduled.cancel(name, "ops.lead"));
        assertTrue(Files.exists(Drop.WORK.resolve("error").resolve(name)));
        Optional<String> reason = Files.list(Drop.WORK.resolve("error"))
                .filter(f -> f.getFileName().toString().startsWith(name.replace(".csv", "")) && f.toString().endsWith(".reason.txt"))
                .findFirst().map(f -> {
                    try {
                        return Files.readString(f);
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                });
        assertTrue(reason.orElseThrow().contains("was cancelled by ops.lead"), reason.toString());
        assertEquals(10, tenant.assignment(Tenants.agentId(1), Tenants.TIER_1).proficiency());
    }
}
