package io.tapintercom.singer.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.tapintercom.singer.Json;
import java.util.List;

/** A path into a stream's schema: [] is the stream, ["properties", "id"] a top-level field. */
public record Breadcrumb(List<String> path) {
    public static final Breadcrumb STREAM = new Breadcrumb(List.of());

    public Breadcrumb {
        path = List.copyOf(path);
    }

    public static Breadcrumb property(String name) {
        return new Breadcrumb(List.of("properties", name));
    }

    public static Breadcrumb fromJson(JsonNode node) {
        return new Breadcrumb(Json.stringList(node));
    }

    public ArrayNode toJson() {
        return Json.strings(path);
    }

    public boolean isStream() {
        return path.isEmpty();
    }

    public boolean isTopLevelProperty() {
        return path.size() == 2 && "properties".equals(path.get(0));
    }

    /** The enclosing breadcrumb: a field's parent is its object (or the stream); the stream has none. */
    public Breadcrumb parent() {
        if (path.isEmpty()) {
            return null;
        }
        // Walk from the root: "properties" is always followed by a field name, and that name may itself be
        // "properties" or "items" (a custom attribute can be called anything). Stripping structural words
        // from the end, as this once did, took such a field for structure and skipped to the wrong parent.
        // "items" (and any other step) stands alone and is not a node with metadata of its own.
        int parentEnd = 0;
        int i = 0;
        while (i < path.size()) {
            boolean field = "properties".equals(path.get(i)) && i + 1 < path.size();
            i += field ? 2 : 1;
            if (field && i < path.size()) {
                parentEnd = i;
            }
        }
        return new Breadcrumb(path.subList(0, parentEnd));
    }
}
