package io.skillsync.intake;

import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.TimeZone;

import jakarta.enterprise.context.ApplicationScoped;

import org.quartz.CronExpression;

import io.skillsync.config.PerUnit;
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

    /** Each unit's window, from its own cron, zone and duration. */
    private final PerUnit<Window> window;

    MaintenanceWindow(SkillSyncConfig config) throws ParseException {
        this.window = new PerUnit<>(unit -> Window.of(config.window()));
        // a misspelt cron stops the start, as it always did (for the first unit; each unit's when its routes start)
        Window.of(config.window());
    }

    private record Window(CronExpression opens, Duration duration) {
        static Window of(SkillSyncConfig.Window settings) {
            String cron = settings.cron().filter(c -> !c.isBlank()).orElse(null);
            if (cron == null) {
                return new Window(null, settings.duration());
            }
            try {
                CronExpression opens = new CronExpression(cron);
                settings.timeZone().filter(z -> !z.isBlank()).ifPresent(zone -> opens.setTimeZone(TimeZone.getTimeZone(zone)));
                return new Window(opens, settings.duration());
            } catch (ParseException e) {
                throw new IllegalArgumentException("skillsync.window.cron '" + cron + "': " + e.getMessage(), e);
            }
        }
    }

    public boolean alwaysOpen() {
        return window.get().opens() == null;
    }

    public boolean isOpen() {
        return window.get().opens() == null || openedAt(Instant.now()) != null;
    }

    /** The opening of the window {@code at} is in, or null when it is outside every window. */
    Instant openedAt(Instant at) {
        Date first = window.get().opens().getTimeAfter(Date.from(at.minus(window.get().duration()).minusMillis(1)));
        return first != null && !first.toInstant().isAfter(at) ? first.toInstant() : null;
    }

    /** When the window closes (if open now) or next opens (if closed); null when always open. */
    public Instant nextChange() {
        if (window.get().opens() == null) {
            return null;
        }
        Instant now = Instant.now();
        Instant opened = openedAt(now);
        if (opened != null) {
            return opened.plus(window.get().duration());
        }
        Date next = window.get().opens().getTimeAfter(Date.from(now));
        return next == null ? null : next.toInstant();
    }
}
