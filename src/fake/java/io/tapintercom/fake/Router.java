package io.tapintercom.fake;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Matches "METHOD /path" against patterns like "/contacts/{id}/tags"; the first registered match wins. */
final class Router {
    private final List<Route> routes = new ArrayList<>();

    record Route(String method, String pattern, String[] segments, Endpoint endpoint) {
        String name() {
            return method + " " + pattern;
        }
    }

    record Match(Route route, Map<String, String> params) {
    }

    Router add(String method, String pattern, Endpoint endpoint) {
        routes.add(new Route(method, pattern, split(pattern), endpoint));
        return this;
    }

    private static String[] split(String path) {
        String p = path;
        while (p.length() > 1 && p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p.equals("/") ? new String[0] : p.substring(1).split("/", -1);
    }

    /** @return null when no route matches the path and method */
    Match match(String method, String path) {
        String[] segments = split(path);
        for (Route route : routes) {
            if (!route.method().equals(method) || route.segments().length != segments.length) {
                continue;
            }
            Map<String, String> params = new HashMap<>();
            boolean ok = true;
            for (int i = 0; i < segments.length && ok; i++) {
                String expected = route.segments()[i];
                if (expected.startsWith("{") && expected.endsWith("}")) {
                    if (segments[i].isEmpty()) {
                        ok = false;
                    } else {
                        params.put(expected.substring(1, expected.length() - 1), segments[i]);
                    }
                } else {
                    ok = expected.equals(segments[i]);
                }
            }
            if (ok) {
                return new Match(route, params);
            }
        }
        return null;
    }
}
