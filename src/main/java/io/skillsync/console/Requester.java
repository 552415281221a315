package io.skillsync.console;

import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;

/**
 * Who is asking, and from where, as the log may print it. The address is the client's as Quarkus sees it:
 * behind a proxy trusted per quarkus.http.proxy.*, the one the proxy forwarded; otherwise the connection's.
 */
final class Requester {

    private static final int LONGEST_NAME = 64;

    private Requester() {
    }

    /** The client's address, or "unknown". */
    static String address(RoutingContext http) {
        SocketAddress remote = http == null ? null : http.request().remoteAddress();
        String address = remote == null ? null : remote.hostAddress() != null ? remote.hostAddress() : remote.host();
        return address == null ? "unknown" : address.replaceAll("[^0-9A-Za-z:.%\\[\\]_-]", "?");
    }

    /** A user name as typed by whoever signs in, safe for one log line: control characters replaced, length capped. */
    static String printable(String name) {
        String shown = name.length() > LONGEST_NAME ? name.substring(0, LONGEST_NAME) + "..." : name;
        return "'" + shown.replaceAll("[\\p{Cntrl}\\p{Zl}\\p{Zp}]", "?") + "'";
    }
}
