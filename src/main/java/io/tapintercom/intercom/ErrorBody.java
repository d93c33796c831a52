package io.tapintercom.intercom;

import com.fasterxml.jackson.databind.JsonNode;
import io.tapintercom.intercom.http.HttpReply;
import io.tapintercom.singer.Json;
import io.tapintercom.singer.Secrets;
import java.nio.charset.StandardCharsets;

/** Intercom's error envelope, {"type":"error.list","errors":[{"code","message"}]}, or whatever came instead. */
record ErrorBody(String code, String message) {
    private static final int EXCERPT = 200;

    /**
     * The error as the reply says it, with every secret the run knows masked: an error body (Intercom's, or a
     * proxy's) can echo the request's headers back, and it is quoted in exceptions and log lines.
     */
    static ErrorBody of(HttpReply reply, Secrets secrets) {
        ErrorBody raw = of(reply);
        return new ErrorBody(secrets.redact(raw.code), secrets.redact(raw.message));
    }

    private static ErrorBody of(HttpReply reply) {
        try {
            JsonNode body = Json.MAPPER.readTree(reply.body());
            JsonNode first = body == null ? null : body.path("errors").path(0);
            if (first != null && first.isObject()) {
                return new ErrorBody(Json.text(first, "code"), Json.text(first, "message"));
            }
            if (body != null && body.has("code")) {
                return new ErrorBody(Json.text(body, "code"), Json.text(body, "message"));
            }
        } catch (Exception notJson) {
            // fall through to the raw excerpt
        }
        String text = new String(reply.body(), StandardCharsets.UTF_8).replaceAll("\\s+", " ").trim();
        return new ErrorBody(null, text.length() > EXCERPT ? text.substring(0, EXCERPT) + "…" : text);
    }

    /** "code: message", or as much of it as there is. */
    String summary() {
        if (code != null && message != null) {
            return code + ": " + message;
        }
        if (code != null) {
            return code;
        }
        return message == null || message.isEmpty() ? "(no error body)" : message;
    }
}
