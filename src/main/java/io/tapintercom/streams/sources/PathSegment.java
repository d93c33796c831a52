package io.tapintercom.streams.sources;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Ids come from Intercom, but go into paths escaped all the same. */
final class PathSegment {
    private PathSegment() {}

    static String encode(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
