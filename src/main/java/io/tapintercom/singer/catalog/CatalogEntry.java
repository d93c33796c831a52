package io.tapintercom.singer.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tapintercom.singer.Json;
import java.util.List;

/** One stream of a catalog. Wraps the JSON it was read from, so unknown keys round-trip. */
public final class CatalogEntry {
    private final ObjectNode json;
    private final Metadata metadata;

    public CatalogEntry(ObjectNode json) {
        this.json = json;
        this.metadata = Metadata.fromJson(json.get("metadata"));
    }

    public String tapStreamId() {
        String id = Json.text(json, "tap_stream_id");
        return id != null ? id : stream();
    }

    public String stream() {
        return Json.text(json, "stream");
    }

    public ObjectNode schema() {
        JsonNode schema = json.get("schema");
        return schema instanceof ObjectNode ? (ObjectNode) schema : Json.object();
    }

    public Metadata metadata() {
        return metadata;
    }

    /** Key properties from the stream's metadata, else the legacy top-level key. */
    public List<String> keyProperties() {
        List<String> fromMetadata = metadata.find(Breadcrumb.STREAM)
                .map(values -> Json.stringList(values.get(Metadata.TABLE_KEY_PROPERTIES))).orElse(List.of());
        return fromMetadata.isEmpty() ? Json.stringList(json.get("key_properties")) : fromMetadata;
    }

    public ObjectNode toJson() {
        ObjectNode copy = json.deepCopy();
        copy.set("metadata", metadata.toJson());
        return copy;
    }
}
