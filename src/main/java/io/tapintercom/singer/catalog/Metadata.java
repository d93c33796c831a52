package io.tapintercom.singer.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tapintercom.singer.Json;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A stream's metadata list, indexed by breadcrumb. Entries keep every key they arrived with (Meltano
 * adds its own), so a catalog survives a read and write unchanged.
 */
public final class Metadata {
    public static final String INCLUSION = "inclusion";
    public static final String SELECTED = "selected";
    public static final String SELECTED_BY_DEFAULT = "selected-by-default";
    public static final String TABLE_KEY_PROPERTIES = "table-key-properties";
    public static final String FORCED_REPLICATION_METHOD = "forced-replication-method";
    public static final String VALID_REPLICATION_KEYS = "valid-replication-keys";
    public static final String REPLICATION_KEY = "replication-key";
    public static final String REPLICATION_METHOD = "replication-method";

    public static final String AUTOMATIC = "automatic";
    public static final String AVAILABLE = "available";
    public static final String UNSUPPORTED = "unsupported";

    private final Map<Breadcrumb, ObjectNode> entries = new LinkedHashMap<>();

    public static Metadata fromJson(JsonNode list) {
        Metadata metadata = new Metadata();
        if (list != null && list.isArray()) {
            for (JsonNode entry : list) {
                JsonNode values = entry.get("metadata");
                metadata.entries.put(Breadcrumb.fromJson(entry.get("breadcrumb")),
                        values instanceof ObjectNode ? (ObjectNode) values.deepCopy() : Json.object());
            }
        }
        return metadata;
    }

    public ArrayNode toJson() {
        ArrayNode list = Json.array();
        entries.forEach((breadcrumb, values) -> {
            ObjectNode entry = list.addObject();
            entry.set("breadcrumb", breadcrumb.toJson());
            entry.set("metadata", values.deepCopy());
        });
        return list;
    }

    /** The entry for a breadcrumb, created empty if absent (for building metadata). */
    public ObjectNode at(Breadcrumb breadcrumb) {
        return entries.computeIfAbsent(breadcrumb, b -> Json.object());
    }

    public Optional<ObjectNode> find(Breadcrumb breadcrumb) {
        return Optional.ofNullable(entries.get(breadcrumb));
    }

    public Optional<String> text(Breadcrumb breadcrumb, String key) {
        return find(breadcrumb).map(values -> values.get(key)).filter(JsonNode::isTextual).map(JsonNode::asText);
    }

    /**
     * A boolean flag, strictly: true/false, or the strings "true"/"false" in any case (the Singer docs'
     * own example catalog writes them as strings). Anything else counts as no opinion.
     */
    public Optional<Boolean> flag(Breadcrumb breadcrumb, String key) {
        return find(breadcrumb).map(values -> values.get(key)).flatMap(Metadata::asFlag);
    }

    public static Optional<Boolean> asFlag(JsonNode value) {
        if (value == null) {
            return Optional.empty();
        }
        if (value.isBoolean()) {
            return Optional.of(value.booleanValue());
        }
        if (value.isTextual()) {
            String text = value.asText().trim();
            if (text.equalsIgnoreCase("true")) {
                return Optional.of(true);
            }
            if (text.equalsIgnoreCase("false")) {
                return Optional.of(false);
            }
        }
        return Optional.empty();
    }
}
