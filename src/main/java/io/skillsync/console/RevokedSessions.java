package io.skillsync.console;

import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import org.jboss.logging.Logger;

/**
 * Asked before the realm accepts a console session cookie: a cookie issued before its user's last sign-out
 * ({@link SignOuts}) is refused, so the console asks to sign in again. A copy of the cookie kept by someone
 * else (a shared machine, a proxy's log) dies with the sign-out, on every replica; so does every other
 * session of that user (another browser too: signing out signs out everywhere).
 */
@ApplicationScoped
public class RevokedSessions implements IdentityProvider<TrustedAuthenticationRequest> {

    private static final Logger LOG = Logger.getLogger(RevokedSessions.class);

    private final SignOuts signOuts;
    private final SessionCookies cookies;

    RevokedSessions(SignOuts signOuts, SessionCookies cookies) {
        this.signOuts = signOuts;
        this.cookies = cookies;
    }

    @Override
    public Class<TrustedAuthenticationRequest> getRequestType() {
        return TrustedAuthenticationRequest.class;
    }

    /** Before the realm, whatever its priority (IdentityProvider's default is 1001). */
    @Override
    public int priority() {
        return Integer.MAX_VALUE;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TrustedAuthenticationRequest request, AuthenticationRequestContext context) {
        RoutingContext http = HttpSecurityUtils.getRoutingContextAttribute(request);
        Cookie cookie = http == null ? null : http.request().getCookie(cookies.name());
        if (cookie == null) {
            // not the console's session cookie: the realm decides
            return Uni.createFrom().nullItem();
        }
        // the sign-out record is a file on the (shared) work dir: read off the event loop
        return context.runBlocking(() -> {
            String user = request.getPrincipal();
            Optional<Instant> signedOut = signOuts.last(user);
            Instant issued = cookies.issued(cookie.getValue());
            if (signedOut.isPresent() && !issued.isAfter(signedOut.get())) {
                LOG.warnf("a session of user %s issued at %s, before that user signed out at %s, was refused (from %s)",
                        Requester.printable(user), issued, signedOut.get(), Requester.address(http));
                throw new AuthenticationFailedException("signed out");
            }
            return null;
        });
    }
}
