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

    static Response home(String message) {
        return Response.seeOther(URI.create(homeSaying(message))).build();
    }

    /** The console's address, showing {@code message}. */
    static String homeSaying(String message) {
        return "/console?message=" + URLEncoder.encode(message, StandardCharsets.UTF_8);
    }

    static Response toPreview(String id, String message) {
        return Response.seeOther(URI.create("/console/preview?id=" + URLEncoder.encode(id == null ? "" : id, StandardCharsets.UTF_8)
                + (message == null ? "" : "&message=" + URLEncoder.encode(message, StandardCharsets.UTF_8)))).build();
    }
}
