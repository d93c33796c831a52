package io.tapintercom.fake;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** A fully rendered response; the body is complete so it can be sent with a fixed Content-Length. */
final class Response {
    private final int status;
    private final byte[] body;
    private final Map<String, String> headers = new LinkedHashMap<>();

    Response(int status, byte[] body) {
        this.status = status;
        this.body = body;
    }

    static Response ok(Json.Body body) {
        return new Response(200, Json.render(body));
    }

    static Response error(int status, String requestId, String code, String message) {
        return new Response(status, Json.render(g -> {
            g.writeStartObject();
            g.writeStringField("type", "error.list");
            g.writeStringField("request_id", requestId);
            g.writeArrayFieldStart("errors");
            g.writeStartObject();
            g.writeStringField("code", code);
            g.writeStringField("message", message);
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
        }));
    }

    static Response error(String requestId, ApiException e) {
        return error(e.status(), requestId, e.code(), e.getMessage());
    }

    Response header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    int status() {
        return status;
    }

    byte[] body() {
        return body;
    }

    Map<String, String> headers() {
        return headers;
    }

    String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
