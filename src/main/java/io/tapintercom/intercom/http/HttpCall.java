package io.tapintercom.intercom.http;

import java.time.Duration;
import java.util.Map;

/** One HTTP request as sent on the wire. Its toString leaves the headers out: they carry the token. */
public record HttpCall(String method, String url, Map<String, String> headers, String body, Duration timeout) {
    public HttpCall {
        headers = Map.copyOf(headers);
    }

    @Override
    public String toString() {
        return method + " " + url;
    }
}
