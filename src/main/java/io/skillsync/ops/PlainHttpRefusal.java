package io.skillsync.ops;

import java.net.InetAddress;
import java.net.UnknownHostException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.quarkus.vertx.http.runtime.security.SecurityHandlerPriorities;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;

import io.skillsync.config.SkillSyncConfig;

/**
 * HTTP Basic sends the password with every request, readable by anyone on the path unless TLS carries it.
 * Unless skillsync.ops.allow-plain-http (dev and tests only), a request to /ops that reached SkillSync over
 * plain http from another host is refused with 403 before authentication looks at it. https means TLS in
 * Quarkus, or a proxy in front that terminates it and says so (X-Forwarded-Proto: https), trusted per
 * quarkus.http.proxy.*. The loopback is served: kubectl port-forward arrives there, inside the API server's TLS.
 */
@ApplicationScoped
public class PlainHttpRefusal {

    /** Before authentication, so a refused request's credentials are never checked (or counted as a failure). */
    static final int PRIORITY = SecurityHandlerPriorities.AUTHENTICATION + 50;

    void install(@Observes Filters filters, SkillSyncConfig config) {
        if (!config.ops().allowPlainHttp()) {
            filters.register(PlainHttpRefusal::refuseOverPlainHttp, PRIORITY);
        }
    }

    static void refuseOverPlainHttp(RoutingContext http) {
        String path = http.normalizedPath();
        boolean ops = path.equals("/ops") || path.startsWith("/ops/");
        if (ops && !"https".equalsIgnoreCase(http.request().scheme()) && !fromThisHost(http.request().remoteAddress())) {
            http.response().setStatusCode(403).putHeader("Content-Type", "application/json")
                    .end("{\"error\":\"the operations API takes HTTP Basic credentials over https only: call it through"
                            + " TLS (a proxy that sends X-Forwarded-Proto: https, trusted per quarkus.http.proxy.*), or on"
                            + " the host itself (kubectl port-forward)\"}");
            return;
        }
        http.next();
    }

    private static boolean fromThisHost(SocketAddress remote) {
        if (remote == null || remote.hostAddress() == null) {
            return false;
        }
        try {
            // an address literal: no name is looked up
            return InetAddress.getByName(remote.hostAddress()).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
