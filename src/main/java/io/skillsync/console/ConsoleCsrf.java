package io.skillsync.console;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * CSRF protection for the console's forms, by double submit: a random token in an HttpOnly, same-site
 * strict cookie scoped to /console, and the same token in a hidden field of every form
 * ({@code {inject:csrf.token}} in the templates); a POST whose field does not match its cookie is refused
 * before it changes anything.
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

    private String token;
    private boolean issued;

    /** The token for this page's forms: the browser's own, or a new one sent with this answer. */
    public String token() {
        return token;
    }

    boolean issued() {
        return issued;
    }

    public String parameterName() {
        return FIELD;
    }

    /** Takes the token the browser sent, or makes one (a GET of a console page). */
    void begin(ContainerRequestContext request) {
        Cookie cookie = request.getCookies().get(COOKIE);
        if (cookie != null && wellFormed(cookie.getValue())) {
            token = cookie.getValue();
        } else {
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            issued = true;
        }
    }

    /** A change is refused unless its form carries the token of the browser's cookie. */
    public static void verify(String field, String cookie) {
        if (field == null || cookie == null || !wellFormed(cookie)
                || !MessageDigest.isEqual(field.getBytes(StandardCharsets.US_ASCII), cookie.getBytes(StandardCharsets.US_ASCII))) {
            throw new WebApplicationException(Response.status(Response.Status.FORBIDDEN).type("text/plain")
                    .entity("refused: this form did not come from a SkillSync console page (CSRF token missing or wrong);"
                            + " reload the page and try again").build());
        }
    }

    private static boolean wellFormed(String value) {
        return value != null && value.matches("[A-Za-z0-9_-]{43}");
    }

    /** Takes or makes the token as a console request comes in; sends a new token's cookie with its answer. */
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
                response.getHeaders().add("Set-Cookie", new NewCookie.Builder(COOKIE).value(csrf.token()).path("/console")
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
