package io.skillsync.console;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import io.skillsync.config.Unit;
import io.skillsync.config.Units;

/**
 * Which business unit a console page or an /ops call is about: {@code ?unit=east}, else the unit chosen last
 * (a cookie the switcher leaves), else the first of {@code skillsync.units}. Set for the request's thread, so
 * the panels read that unit's runs, files and tenant. An unknown unit is a 404 naming the units. With one unit
 * there is nothing to choose and the header shows no switcher.
 */
@ApplicationScoped
@Named("unitSwitch")
public class UnitOfRequest {

    static final String PARAMETER = "unit";
    static final String COOKIE = "skillsync-unit";

    private final Units units;

    UnitOfRequest(Units units) {
        this.units = units;
    }

    @ServerRequestFilter
    public Response enter(ContainerRequestContext request) {
        if (!units.several()) {
            return null;
        }
        String asked = request.getUriInfo().getQueryParameters().getFirst(PARAMETER);
        if (asked == null) {
            Cookie chosen = request.getCookies().get(COOKIE);
            asked = chosen == null ? null : chosen.getValue();
        }
        Unit unit = units.all().get(0);
        if (asked != null && !asked.isBlank()) {
            try {
                unit = units.named(asked);
            } catch (IllegalArgumentException unknown) {
                return Response.status(Response.Status.NOT_FOUND).type("text/plain").entity(unknown.getMessage()).build();
            }
        }
        // a worker thread serves one request at a time: the next request sets its own unit before anything reads it
        Units.enter(unit);
        return null;
    }

    /** The switcher's choice is kept for the pages that follow (a run's page, the drift page). */
    @ServerResponseFilter
    public void remember(ContainerRequestContext request, ContainerResponseContext response) {
        String asked = request.getUriInfo().getQueryParameters().getFirst(PARAMETER);
        if (units.several() && asked != null && response.getStatus() < 400) {
            response.getHeaders().add("Set-Cookie", new NewCookie.Builder(COOKIE).value(Units.now().name()).path("/")
                    .httpOnly(true).sameSite(NewCookie.SameSite.LAX).build());
        }
    }

    /** For the console's header: whether to show the switcher, the units, and the one shown. */
    public boolean several() {
        return units.several();
    }

    public List<String> names() {
        return units.all().stream().map(Unit::name).toList();
    }

    public String current() {
        return Units.now().label();
    }
}
