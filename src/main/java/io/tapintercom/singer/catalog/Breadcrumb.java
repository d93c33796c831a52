package io.tapintercom.singer.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.tapintercom.singer.Json;
import java.util.ArrayList;
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
        List<String> up = new ArrayList<>(path.subList(0, path.size() - 1));
        // "properties"/"items" are structural steps, not nodes with metadata of their own.
        while (!up.isEmpty() && ("properties".equals(up.get(up.size() - 1)) || "items".equals(up.get(up.size() - 1)))) {
            up.remove(up.size() - 1);
        }
        return new Breadcrumb(up);
    }
}
