package io.tapintercom.intercom.http;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** A response as received: status, headers (looked up case-insensitively) and the raw body. */
public record HttpReply(int status, Map<String, String> headers, byte[] body) {
    public HttpReply {
        TreeMap<String, String> folded = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        folded.putAll(headers);
        headers = folded;
    }

    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }
}
