package io.skillsync.intake;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.jboss.logging.Logger;

import io.skillsync.config.PerUnit;
import io.skillsync.config.SkillSyncConfig;
import io.skillsync.config.Units;
import io.skillsync.cxone.CxoneClient;
import io.skillsync.cxone.CxoneToken;
import io.skillsync.probe.GoLiveGate;

/**
 * The intake opens only once CXone has granted a token (route {@code intake-opening}): a replica started
 * with a missing or wrong secret takes no file and seeks no cluster leadership, so it cannot take the
 * lock from a healthy one and stop every file it touches. Then, in production, only once the go-live
 * probe has passed on this tenant ({@link GoLiveGate}). Until then it asks every
 * {@code skillsync.intake.credentials-check}, and readiness says why it waits.
 */
@ApplicationScoped
@Named("intakeOpening")
public class IntakeOpening {

    /** The current unit's settings, read at each call. */
    private final SkillSyncConfig config;

    /** The routes that take files, started here rather than with Camel. */
    static final List<String> INTAKE = List.of("roster-intake", "inbox-sweep", "scheduled-rosters", "run-results");
    private static final Logger LOG = Logger.getLogger(IntakeOpening.class);

    private final CxoneToken token;
    private final ProducerTemplate producer;
    private final CamelContext camel;
    private final io.skillsync.record.RunJournal journal;
    private final GoLiveGate goLive;
    /** What this bean keeps of one unit's tenant, for each unit ({@link PerUnit}). */
    private final PerUnit<Opening> state = new PerUnit<>(unit -> new Opening());

    IntakeOpening(CxoneToken token, ProducerTemplate producer, CamelContext camel, SkillSyncConfig config,
            io.skillsync.record.RunJournal journal, GoLiveGate goLive) {
        this.config = config;
        this.journal = journal;
        this.goLive = goLive;
        this.token = token;
        this.producer = producer;
        this.camel = camel;
    }

    public void tryToOpen() throws Exception {
        Opening kept = state.get();
        if (kept.open) {
            return;
        }
        try {
            if (token.needsRenewal()) {
                producer.requestBody("direct:cxone-token" + Units.now().suffix(), (Object) null);
            }
        } catch (RuntimeException e) {
            String reason = "until CXone grants a token: " + CxoneClient.unwrap(e).getMessage();
            if (!reason.equals(kept.waitingFor)) {
                LOG.errorf("the intake stays closed %s", reason);
            }
            kept.waitingFor = reason;
            return;
        }
        String gate = goLive.closedBecause();
        if (gate != null) {
            kept.waitingFor = "until the go-live probe passes on this tenant: " + gate;
            return;
        }
        // a run killed before its record gets one from its journal before any file is taken
        journal.recover();
        String unit = Units.now().suffix();
        for (String route : INTAKE) {
            camel.getRouteController().startRoute(route + unit);
        }
        if (sftp()) {
            camel.getRouteController().startRoute("sftp-intake" + unit);
            camel.getRouteController().startRoute("sftp-preview" + unit);
        }
        kept.open = true;
        kept.waitingFor = null;
        LOG.infof("CXone granted a token: the intake is open%s", sftp() ? " (inbox and SFTP)" : "");
    }

    /** Why the intake is still closed, or null when it is open. */
    public String waitingFor() {
        Opening kept = state.get();
        return kept.open ? null : kept.waitingFor;
    }

    private boolean sftp() {
        return config.sftp().enabled();
    }

    private static final class Opening {
        volatile boolean open;
        volatile String waitingFor = "until CXone grants the first token";
    }
}
