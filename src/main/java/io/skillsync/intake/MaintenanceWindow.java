package io.skillsync.intake;

import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.TimeZone;

import jakarta.enterprise.context.ApplicationScoped;

import org.quartz.CronExpression;

import io.skillsync.config.SkillSyncConfig;

/**
 * The maintenance window (seed runbook: end of shift, or 02:00-04:00): changes reach CXone only inside it.
 * It opens at each firing of {@code skillsync.window.cron} (Quartz) and lasts {@code duration}. Outside it
 * the inbox is not looked at (its file filter, InboxGate, says no), so a file waits there; a
 * run still going when it closes stops after its current batch, and the rest of the file runs in the next
 * window (what was applied then reads as unchanged). No cron: always open.
 */
@ApplicationScoped
public class MaintenanceWindow {

    private final CronExpression opens;
    private final Duration duration;

    MaintenanceWindow(SkillSyncConfig config) throws ParseException {
        String cron = config.window().cron().filter(c -> !c.isBlank()).orElse(null);
        if (cron == null) {
            this.opens = null;
        } else {
            this.opens = new CronExpression(cron);
            config.window().timeZone().filter(z -> !z.isBlank())
                    .ifPresent(zone -> opens.setTimeZone(TimeZone.getTimeZone(zone)));
        }
        this.duration = config.window().duration();
    }

    public boolean alwaysOpen() {
        return opens == null;
    }

    public boolean isOpen() {
        return opens == null || openedAt(Instant.now()) != null;
    }

    /** The opening of the window {@code at} is in, or null when it is outside every window. */
    Instant openedAt(Instant at) {
        Date first = opens.getTimeAfter(Date.from(at.minus(duration).minusMillis(1)));
        return first != null && !first.toInstant().isAfter(at) ? first.toInstant() : null;
    }

    /** When the window closes (if open now) or next opens (if closed); null when always open. */
    public Instant nextChange() {
        if (opens == null) {
            return null;
        }
        Instant now = Instant.now();
        Instant opened = openedAt(now);
        if (opened != null) {
            return opened.plus(duration);
        }
        Date next = opens.getTimeAfter(Date.from(now));
        return next == null ? null : next.toInstant();
    }
}
