package io.skillsync.console;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.security.spi.runtime.AuthenticationFailureEvent;
import io.vertx.ext.web.RoutingContext;
import org.jboss.logging.Logger;

/**
 * Every sign-in whose password the realm refused (form or Basic), from Quarkus' security events: counted
 * against the user and the address ({@link SignInAttempts}) and logged at WARN with both, never with the
 * password. A failure that offered no password (a session cookie that is no longer valid) is not a guess.
 */
@ApplicationScoped
public class FailedSignIns {

    private static final Logger LOG = Logger.getLogger(FailedSignIns.class);

    private final SignInAttempts attempts;

    FailedSignIns(SignInAttempts attempts) {
        this.attempts = attempts;
    }

    void failed(@Observes AuthenticationFailureEvent event) {
        // Quarkus 3.27's HttpAuthenticator puts the request under the class's name (not HttpSecurityUtils' key)
        RoutingContext http = event.getEventProperties().get(RoutingContext.class.getName()) instanceof RoutingContext r ? r : null;
        String user = http == null ? null : http.get(SignInGate.USER);
        if (user == null || http.get(SignInGate.REFUSED) != null) {
            // no password offered, or refused by the gate before any check (it logged that)
            return;
        }
        String address = Requester.address(http);
        SignInAttempts.Failures failures = attempts.failed(user, address, Instant.now());
        LOG.warnf("sign-in failed: user %s from %s; failures within %s: %s, %d from that address (%d lock either out)",
                Requester.printable(user), address, attempts.lockout(),
                failures.ofUser() > 0 ? failures.ofUser() + " of that user" : "no such console user", failures.fromAddress(),
                attempts.maxFailures());
    }
}
