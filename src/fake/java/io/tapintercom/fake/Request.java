package io.tapintercom.fake;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** What an endpoint needs to know about one HTTP request, detached from the HttpExchange. */
final class Request {
    private final String method;
    private final String path;
    private final Map<String, String> query;
    private final byte[] body;
    private final String baseUrl;
    private final String requestId;
    private final boolean preview;
    private final String apiVersion;
    private final boolean deliveryWillFail;
    private Map<String, String> pathParams = Map.of();

    Request(String method, String path, String rawQuery, byte[] body, String baseUrl, String requestId,
            boolean preview, boolean deliveryWillFail, String apiVersion) {
        this.method = method;
        this.path = path;
        this.query = parseQuery(rawQuery);
        this.body = body;
        this.baseUrl = baseUrl;
        this.requestId = requestId;
        this.preview = preview;
        this.apiVersion = apiVersion == null ? "" : apiVersion.trim();
        this.deliveryWillFail = deliveryWillFail;
    }

    static Map<String, String> parseQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return Map.of();
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            out.putIfAbsent(key, value);
        }
        return Collections.unmodifiableMap(out);
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    String method() {
        return method;
    }

    String path() {
        return path;
    }

    String query(String name) {
        return query.get(name);
    }

    boolean hasQuery(String name) {
        return query.containsKey(name);
    }

    byte[] body() {
        return body;
    }

    String baseUrl() {
        return baseUrl;
    }

    String requestId() {
        return requestId;
    }

    /** Intercom-Version Preview (or its old name Unstable): contact search compares timestamps to the second. */
    boolean preview() {
        return preview;
    }

    /** Whether the Intercom-Version sent is Preview or a numbered version at least major.minor. */
    boolean versionAtLeast(int major, int minor) {
        if (preview) {
            return true;
        }
        String[] parts = apiVersion.split("\\.");
        try {
            int ma = Integer.parseInt(parts[0]);
            int mi = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
            return ma > major || (ma == major && mi >= minor);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /**
     * True when a transport fault will swallow this response; stateful endpoints (the company scroll) must then
     * not advance, because the client never saw the page.
     */
    boolean deliveryWillFail() {
        return deliveryWillFail;
    }

    String pathParam(String name) {
        return pathParams.get(name);
    }

    Request withPathParams(Map<String, String> params) {
        this.pathParams = params;
        return this;
    }

    boolean queryFlag(String name) {
        String v = query.get(name);
        return v != null && (v.isEmpty() || v.equalsIgnoreCase("true"));
    }
}
