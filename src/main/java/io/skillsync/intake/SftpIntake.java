package io.skillsync.intake;

import java.time.Instant;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.spi.PollingConsumerPollStrategy;
import org.jboss.logging.Logger;

import io.skillsync.config.PerUnit;
import io.skillsync.roster.RosterReader;

/**
 * The state of the SFTP intake (route {@code sftp-intake}), kept by its poll strategy: each poll that
 * fails (server down, password or key refused, an unknown or changed host key) is said once in the log
 * with its reason and turns readiness DOWN; the next good poll turns it UP. A failed poll is simply
 * tried again at the next one. Also names downloads so that a remote name cannot escape inbox/.
 */
@ApplicationScoped
@Named("sftpIntake")
public class SftpIntake implements PollingConsumerPollStrategy {

    private static final Logger LOG = Logger.getLogger(SftpIntake.class);

    /** What this bean keeps of one unit's tenant, for each unit ({@link PerUnit}). */
    private final PerUnit<Polls> state = new PerUnit<>(unit -> new Polls());

    @Override
    public boolean begin(Consumer consumer, Endpoint endpoint) {
        return true;
    }

    @Override
    public void commit(Consumer consumer, Endpoint endpoint, int polledMessages) {
        Polls polls = state.get();
        if (polls.problem != null) {
            LOG.infof("SFTP intake works again");
        }
        polls.problem = null;
        polls.lastGoodPoll = Instant.now();
    }

    @Override
    public boolean rollback(Consumer consumer, Endpoint endpoint, int retryCounter, Exception cause) {
        Polls polls = state.get();
        String reason = describe(cause);
        if (!reason.equals(polls.problem)) {
            LOG.errorf("SFTP intake cannot poll the server: %s; it tries again at the next poll", reason);
        }
        polls.problem = reason;
        return false;
    }

    /** Why the last poll failed, or null when it worked. */
    public String problem() {
        return state.get().problem;
    }

    public Instant lastGoodPoll() {
        return state.get().lastGoodPoll;
    }

    static String describe(Throwable cause) {
        StringBuilder reason = new StringBuilder();
        for (Throwable t = cause; t != null && reason.length() < 400; t = t.getCause()) {
            String message = String.valueOf(t.getMessage());
            if (reason.indexOf(message) < 0) {
                reason.append(reason.length() == 0 ? "" : ": ").append(message);
            }
        }
        String text = reason.toString();
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.contains("hostkey") || lower.contains("host key")) {
            return "the server's host key is not the one in known_hosts (unknown or changed): refused, never accepted"
                    + " silently (" + text + ")";
        }
        if (lower.contains("auth fail") || lower.contains("auth cancel")) {
            return "the server refused SkillSync's key or password (" + text + ")";
        }
        return text;
    }

    /**
     * The name a downloaded file gets in inbox/: its own, without any path, leading dots or characters a
     * file system or a shell would read specially.
     */
    public String inboxName(Exchange exchange) {
        String remote = exchange.getMessage().getHeader(Exchange.FILE_NAME_ONLY, String.class);
        String name = remote == null ? "" : remote.replaceAll(".*[/\\\\]", "");
        name = RosterNames.plain(name);
        // a remote name decides nothing: "nightly.approved.csv" or "x.dryrun.csv" from HR's side is a plain roster
        name = name.replaceAll("(?i)\\.(approved|dryrun)(?=\\." + RosterReader.EXTENSIONS + "$)", "-$1");
        if (!RosterNames.roster(name)) {
            name = name + ".csv";
        }
        return name.length() <= 4 ? "roster.csv" : name;
    }

    /** A file from HR's preview folder: its inbox name says dry run ({@code x.dryrun.csv}), whatever HR called it. */
    public String previewName(Exchange exchange) {
        String name = inboxName(exchange);
        int dot = name.lastIndexOf('.');
        return name.substring(0, dot) + ".dryrun" + name.substring(dot);
    }

    private static final class Polls {
        volatile String problem;
        volatile Instant lastGoodPoll;
    }
}
