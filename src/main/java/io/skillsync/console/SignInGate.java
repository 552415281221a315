package io.skillsync.console;

import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import org.jboss.logging.Logger;

/**
 * Asked before the users' realm checks a password, by the form sign-in and by Basic on /ops alike: a user or
 * an address locked by its failed sign-ins ({@link SignInAttempts}) is refused here, so its password, right
 * or wrong, is never looked at. Otherwise the realm decides, and {@link FailedSignIns} counts a failure.
 */
@ApplicationScoped
public class SignInGate implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    /** Routing-context keys: whose password this request offered; whether it was refused before any check. */
    static final String USER = "skillsync.sign-in.user";
    static final String REFUSED = "skillsync.sign-in.refused";
    private static final Logger LOG = Logger.getLogger(SignInGate.class);

    private final SignInAttempts attempts;

    SignInGate(SignInAttempts attempts) {
        this.attempts = attempts;
    }

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    /** Before the realm, whatever its priority (IdentityProvider's default is 1001). */
    @Override
    public int priority() {
        return Integer.MAX_VALUE;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request, AuthenticationRequestContext context) {
        RoutingContext http = HttpSecurityUtils.getRoutingContextAttribute(request);
        String user = request.getUsername();
        String address = Requester.address(http);
        if (http != null) {
            http.put(USER, user);
        }
        Optional<Instant> until = attempts.lockedUntil(user, address, Instant.now());
        if (until.isEmpty()) {
            // the realm checks the password
            return Uni.createFrom().nullItem();
        }
        if (http != null) {
            http.put(REFUSED, true);
        }
        LOG.warnf("sign-in refused without looking at the password: user %s from %s, after %d failed sign-ins of that user"
                + " or from that address within %s; refused until %s", Requester.printable(user), address,
                attempts.maxFailures(), attempts.lockout(), until.get());
        return Uni.createFrom().failure(new AuthenticationFailedException("too many failed sign-ins"));
    }
}
