package io.tapintercom.intercom;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A read against the Intercom API: a path (or the absolute URL Intercom handed back as "next"), its
 * query and, for searches, a JSON body. {@code endpoint} names it in metrics and errors.
 * {@code restartable} marks a request that must not be repeated as is after a 5xx: a scroll page,
 * whose cursor is spoilt by the failure, so its reader restarts instead.
 * {@code apiVersion} is the Intercom-Version this request needs, when it is not the configured one
 * (an endpoint that exists only from some version on); null sends the configured version.
 */
public record ApiRequest(String endpoint, String method, String path, Map<String, String> query, JsonNode body,
                         boolean restartable, String apiVersion) {
    public ApiRequest {
        query = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(query));
    }

    /** A request sent with the configured API version. */
    public ApiRequest(String endpoint, String method, String path, Map<String, String> query, JsonNode body,
                      boolean restartable) {
        this(endpoint, method, path, query, body, restartable, null);
    }

    public static ApiRequest get(String endpoint, String path) {
        return new ApiRequest(endpoint, "GET", path, Map.of(), null, false);
    }

    public static ApiRequest post(String endpoint, String path, JsonNode body) {
        return new ApiRequest(endpoint, "POST", path, Map.of(), body, false);
    }

    public ApiRequest withQuery(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(query);
        copy.put(name, value);
        return new ApiRequest(endpoint, method, path, copy, body, restartable, apiVersion);
    }

    public ApiRequest withoutQuery(String name) {
        Map<String, String> copy = new LinkedHashMap<>(query);
        copy.remove(name);
        return new ApiRequest(endpoint, method, path, copy, body, restartable, apiVersion);
    }

    public ApiRequest withBody(JsonNode newBody) {
        return new ApiRequest(endpoint, method, path, query, newBody, restartable, apiVersion);
    }

    public ApiRequest withPath(String newPath) {
        return new ApiRequest(endpoint, method, newPath, Map.of(), body, restartable, apiVersion);
    }

    public ApiRequest asRestartable() {
        return new ApiRequest(endpoint, method, path, query, body, true, apiVersion);
    }

    /** The same request sent with Intercom-Version {@code version} whatever the configured one. */
    public ApiRequest withApiVersion(String version) {
        return new ApiRequest(endpoint, method, path, query, body, restartable, version);
    }

    /** How the request reads in logs and errors: method and path, no host, no headers. */
    public String describe() {
        return method + " " + path.replaceFirst("^https?://[^/]+", "");
    }
}
