package io.skillsync.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.skillsync.support.TestConfig;

/** The window's cron maths, in plain JUnit: when the window the moment falls in opened, across midnight and zones. */
class WindowCronTest {

    @Test
    void aMomentInsideTheWindowBelongsToTheOpeningBeforeIt() throws Exception {
        MaintenanceWindow window = window("0 0 2 * * ?", Duration.ofHours(2), "UTC");
        assertEquals(Instant.parse("2026-11-28T02:00:00Z"), window.openedAt(Instant.parse("2026-11-28T03:59:59Z")));
        assertEquals(Instant.parse("2026-11-28T02:00:00Z"), window.openedAt(Instant.parse("2026-11-28T02:00:00Z")));
        assertNull(window.openedAt(Instant.parse("2026-11-28T04:00:01Z")), "closed after its two hours");
        assertNull(window.openedAt(Instant.parse("2026-11-28T01:59:59Z")), "closed before it opens");
    }

    @Test
    void aWindowAcrossMidnightInTheTenantsZone() throws Exception {
        // 23:30 New York, 90 minutes: 04:30-06:00 UTC in November (EST, UTC-5)
        MaintenanceWindow window = window("0 30 23 * * ?", Duration.ofMinutes(90), "America/New_York");
        assertEquals(Instant.parse("2026-11-28T04:30:00Z"), window.openedAt(Instant.parse("2026-11-28T05:59:00Z")));
        assertNull(window.openedAt(Instant.parse("2026-11-28T06:00:01Z")));
    }

    @Test
    void noCronMeansAlwaysOpen() throws Exception {
        MaintenanceWindow window = new MaintenanceWindow(TestConfig.of(Map.of("window.duration", Duration.ofHours(2))));
        assertTrue(window.alwaysOpen());
        assertTrue(window.isOpen());
        assertNull(window.nextChange());
    }

    static MaintenanceWindow window(String cron, Duration duration, String zone) throws Exception {
        return new MaintenanceWindow(TestConfig.of(Map.of("window.cron", cron, "window.duration", duration, "window.timeZone", zone)));
    }
}
