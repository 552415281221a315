package io.skillsync.console;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

/** Who is asking, and where the console sends them next: its pages' and actions' small shared helpers. */
final class ConsoleLinks {

    private ConsoleLinks() {
    }

    static boolean operator(SecurityContext who) {
        return who.isUserInRole(ConsoleResource.OPERATOR);
    }

    static String name(SecurityContext who) {
        return who.getUserPrincipal() == null ? "" : who.getUserPrincipal().getName();
    }

    /** Back to the console, which then says {@code message} (named by its key, never as text: {@link ConsoleMessage}). */
    static Response home(ConsoleMessage message) {
        return Response.seeOther(URI.create("/console?message=" + message.key())).build();
    }

    static Response toPreview(String id, ConsoleMessage message) {
        return Response.seeOther(URI.create("/console/preview?id=" + URLEncoder.encode(id == null ? "" : id, StandardCharsets.UTF_8)
                + (message == null ? "" : "&message=" + message.key()))).build();
    }

    /** The message a link names, or none: an unknown key shows nothing. */
    static ConsoleMessage message(String key) {
        return ConsoleMessage.of(key).orElse(null);
    }
}
