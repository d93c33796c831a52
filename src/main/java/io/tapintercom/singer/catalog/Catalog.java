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
            JsonNode metadata = copy.get("metadata");
            if (metadata != null && !metadata.isArray()) {
                throw new IllegalArgumentException("catalog stream \"" + Json.text(copy, "stream") + "\": metadata must be a list");
            }
            entries.add(new CatalogEntry(copy));
        }
        ObjectNode extras = ((ObjectNode) json).deepCopy();
        extras.remove("streams");
        return new Catalog(entries, extras);
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
