package io.skillsync.console;

import java.security.SecureRandom;
import java.util.Base64;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.NewCookie;

import io.quarkus.security.identity.SecurityIdentity;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * CSRF protection for the console's forms, by double submit bound to the session: a random secret in an
 * HttpOnly, same-site strict cookie scoped to /console, and in a hidden field of every form
 * ({@code {inject:csrf.token}} in the templates) the token {@link CsrfTokens} derives from that secret and
 * the signed-in user; a POST whose field is not the token of its cookie and its user is refused before it
 * changes anything (a pair an attacker chose and planted is not: security review N10).
 * <p>
 * Why not quarkus-rest-csrf: it is not published at this project's Quarkus version (3.27.0), and its filter
 * verifies every form POST the application serves, which includes the simulated tenant's OAuth token
 * endpoint (a form, as CXone's is): dev mode and the tests could no longer sign in to it.
 */
@RequestScoped
@Named("csrf")
public class ConsoleCsrf {

    static final String COOKIE = "skillsync-csrf";
    static final String FIELD = "csrf-token";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    CsrfTokens tokens;
    @Inject
    SecurityIdentity identity;

    private String secret;
    private boolean issued;

    /** The token for this page's forms: of the signed-in user and the browser's secret (or the new one this answer sends). */
    public String token() {
        return tokens.of(identity.isAnonymous() ? "" : identity.getPrincipal().getName(), secret);
    }

    String secret() {
        return secret;
    }

    boolean issued() {
        return issued;
    }

    public String parameterName() {
        return FIELD;
    }

    /** Takes the secret the browser sent, or makes one (a GET of a console page). */
    void begin(ContainerRequestContext request) {
        Cookie cookie = request.getCookies().get(COOKIE);
        if (cookie != null && wellFormed(cookie.getValue())) {
            secret = cookie.getValue();
        } else {
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            issued = true;
        }
    }

    static boolean wellFormed(String value) {
        return value != null && value.matches("[A-Za-z0-9_-]{43}");
    }

    /** Takes or makes the secret as a console request comes in; sends a new secret's cookie with its answer. */
    static final class Filters {

        @Inject
        ConsoleCsrf csrf;

        @ServerRequestFilter
        public void begin(ContainerRequestContext request) {
            if (console(request)) {
                csrf.begin(request);
            }
        }

        @ServerResponseFilter
        public void issue(ContainerRequestContext request, ContainerResponseContext response) {
            // through methods: the injected csrf is a proxy of this request's instance, its fields are not the instance's
            if (console(request) && csrf.issued()) {
                response.getHeaders().add("Set-Cookie", new NewCookie.Builder(COOKIE).value(csrf.secret()).path("/console")
                        .httpOnly(true).secure("https".equals(request.getUriInfo().getBaseUri().getScheme()))
                        .sameSite(NewCookie.SameSite.STRICT).build());
            }
        }

        private static boolean console(ContainerRequestContext request) {
            String path = request.getUriInfo().getPath();
            return path.equals("/console") || path.startsWith("/console/");
        }
    }
}
