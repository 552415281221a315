package io.skillsync.console;

import static io.restassured.RestAssured.given;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.restassured.response.Response;

/** A signed-in console session outside the browser: its cookies, and the CSRF token its page's forms carry. */
record ConsoleSessions(Map<String, String> cookies, String token) {

    static final Pattern TOKEN_FIELD = Pattern.compile("name=\"" + ConsoleCsrf.FIELD + "\" value=\"([^\"]+)\"");

    /** Signs in through the login form, then opens the console page for its CSRF cookie and its forms' token. */
    static ConsoleSessions signIn(String user, String password) {
        Response login = given().redirects().follow(false).formParam("j_username", user).formParam("j_password", password)
                .post("/j_security_check");
        Map<String, String> cookies = new HashMap<>(login.getCookies());
        Response page = given().redirects().follow(false).cookies(cookies).get("/console");
        page.then().statusCode(200);
        cookies.putAll(page.getCookies());
        Matcher token = TOKEN_FIELD.matcher(page.asString());
        if (!token.find()) {
            throw new AssertionError("no CSRF field on the console page of " + user);
        }
        return new ConsoleSessions(cookies, token.group(1));
    }

    /** The session cookie the sign-in set. */
    String credential() {
        return cookies.get("quarkus-credential");
    }
}
