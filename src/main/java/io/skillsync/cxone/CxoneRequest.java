package io.skillsync.cxone;

/**
 * One request to the CXone API, described before it is sent so that every attempt (first try, retry
 * after a 5xx, repeat after a token renewal) sends exactly the same thing.
 *
 * @param kind  {@code read} or {@code write}, for the run's request counts
 * @param path  relative to api-url, e.g. {@code /skills/112233/agents}
 * @param query URL query without '?', or null
 * @param json  request body, or null
 */
public record CxoneRequest(String kind, String method, String path, String query, String json) {

    public static CxoneRequest read(String path, String query) {
        return new CxoneRequest("read", "GET", path, query, null);
    }

    public static CxoneRequest write(String method, String path, String json) {
        return new CxoneRequest("write", method, path, null, json);
    }

    @Override
    public String toString() {
        // the body names agents: keep it out of logs and exception messages
        return method + " " + path + (query == null ? "" : "?" + query);
    }
}
