package io.tapintercom.singer.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tapintercom.singer.Json;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** A Singer catalog: {"streams": [...]}. */
public final class Catalog {
    private final List<CatalogEntry> streams;
    /** Top-level keys other than "streams", kept so that a catalog read and written back loses nothing. */
    private final ObjectNode extras;

    public Catalog(List<CatalogEntry> streams) {
        this(streams, Json.object());
    }

    private Catalog(List<CatalogEntry> streams, ObjectNode extras) {
        this.streams = List.copyOf(streams);
        this.extras = extras;
    }

    /**
     * Reads a catalog document. Throws {@link IllegalArgumentException} with a message naming what is
     * wrong; unknown keys anywhere are tolerated.
     */
    public static Catalog fromJson(JsonNode json) {
        if (json == null || !json.isObject()) {
            throw new IllegalArgumentException("the catalog must be a JSON object with a \"streams\" list");
        }
        JsonNode list = json.get("streams");
        if (list == null || !list.isArray()) {
            throw new IllegalArgumentException("the catalog has no \"streams\" list");
        }
        List<CatalogEntry> entries = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode entry = list.get(i);
            if (!entry.isObject() || (Json.text(entry, "stream") == null && Json.text(entry, "tap_stream_id") == null)) {
                throw new IllegalArgumentException("catalog stream #" + (i + 1) + " has no \"stream\" name");
            }
            ObjectNode copy = ((ObjectNode) entry).deepCopy();
            if (Json.text(copy, "stream") == null) {
                copy.put("stream", Json.text(copy, "tap_stream_id"));
            }
            checkShape(copy, "catalog stream " + Json.quote(Json.text(copy, "stream")) + ": ");
            entries.add(new CatalogEntry(copy));
        }
        ObjectNode extras = ((ObjectNode) json).deepCopy();
        extras.remove("streams");
        return new Catalog(entries, extras);
    }

    /**
     * What the tap reads from a stream entry must have the shape Singer gives it: otherwise a selected stream
     * was silently skipped, or written without its key, when its metadata entry could not be found.
     */
    private static void checkShape(ObjectNode entry, String where) {
        JsonNode schema = entry.get("schema");
        if (schema != null && !schema.isObject()) {
            throw new IllegalArgumentException(where + "\"schema\" must be a JSON object, not " + kind(schema));
        }
        JsonNode metadata = entry.get("metadata");
        if (metadata == null) {
            return;
        }
        if (!metadata.isArray()) {
            throw new IllegalArgumentException(where + "metadata must be a list");
        }
        for (int i = 0; i < metadata.size(); i++) {
            String item = where + "metadata entry #" + (i + 1);
            JsonNode element = metadata.get(i);
            if (!element.isObject()) {
                throw new IllegalArgumentException(item + " must be an object with \"breadcrumb\" and \"metadata\", not "
                        + kind(element));
            }
            JsonNode breadcrumb = element.get("breadcrumb");
            if (breadcrumb == null || !breadcrumb.isArray()) {
                throw new IllegalArgumentException(item + " has no \"breadcrumb\" list ([] for the stream, [\"properties\","
                        + " \"<field>\"] for a field)");
            }
            for (JsonNode step : breadcrumb) {
                if (!step.isTextual()) {
                    throw new IllegalArgumentException(item + ": its breadcrumb must hold only strings, not " + kind(step));
                }
            }
            JsonNode values = element.get("metadata");
            if (values == null || !values.isObject()) {
                throw new IllegalArgumentException(item + " has no \"metadata\" object");
            }
        }
    }

    private static String kind(JsonNode node) {
        if (node.isTextual()) {
            return "a string";
        }
        if (node.isNumber()) {
            return "a number";
        }
        if (node.isBoolean()) {
            return "a boolean";
        }
        if (node.isArray()) {
            return "a list";
        }
        return node.isNull() ? "null" : "an object";
    }

    public List<CatalogEntry> streams() {
        return Collections.unmodifiableList(streams);
    }

    public Optional<CatalogEntry> find(String tapStreamId) {
        return streams.stream().filter(s -> s.tapStreamId().equals(tapStreamId)).findFirst();
    }

    public ObjectNode toJson() {
        ObjectNode json = Json.object();
        ArrayNode list = json.putArray("streams");
        json.setAll(extras.deepCopy());
        streams.forEach(s -> list.add(s.toJson()));
        return json;
    }
}
