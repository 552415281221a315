package io.skillsync.intake;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Named;

import org.apache.camel.throttling.ThrottlingExceptionRoutePolicy;

import io.skillsync.config.SkillSyncConfig;
import io.skillsync.sync.RunStoppedException;

/**
 * When a run stops (credentials refused, CXone down), its file stays in the inbox; without a pause the
 * next poll would take it again at once, and again. This route policy of {@code roster-intake} suspends
 * the inbox after a stopped run and tries again after {@code skillsync.intake.pause-after-stop}.
 */
@ApplicationScoped
public class IntakePause {

    @Produces
    @ApplicationScoped
    @Named("intakePause")
    ThrottlingExceptionRoutePolicy intakePause(SkillSyncConfig config) {
        return policy(config);
    }

    /** A unit's own pause: one unit's stopped run pauses no other unit's inbox. */
    public static ThrottlingExceptionRoutePolicy policy(SkillSyncConfig config) {
        long pause = config.intake().pauseAfterStop();
        // the stop that opened the pause counts for at most the pause itself: with a window longer than the pause,
        // the first good run after it found that stop still in the window and paused the inbox again
        return new ThrottlingExceptionRoutePolicy(1, Math.min(60_000, pause), pause, List.of(RunStoppedException.class));
    }
}
