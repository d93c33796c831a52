package io.tapintercom.singer.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.tapintercom.singer.Json;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The primary keys a full-table stream's last complete sync wrote, kept in STATE so the next sync can
 * tell which records are gone. A key is the key field's value ("123", or "custom_attributes.plan" for
 * a data attribute) or, for a composite key, the array of its values. Saved as one sorted JSON array,
 * so the same keys always give the same STATE.
 */
public final class SeenKeys {
    private final Set<JsonNode> keys;

    private SeenKeys(Set<JsonNode> keys) {
        this.keys = keys;
    }

    public static SeenKeys of(Set<JsonNode> keys) {
        return new SeenKeys(new LinkedHashSet<>(keys));
    }

    /** The record's key, or empty when a key field is missing (such a record cannot be reported gone). */
    public static Optional<JsonNode> keyOf(JsonNode record, List<String> keyProperties) {
        if (keyProperties.size() == 1) {
            JsonNode value = record.get(keyProperties.get(0));
            return value == null || value.isNull() ? Optional.empty() : Optional.of(normal(value));
        }
        ArrayNode composite = Json.array();
        for (String key : keyProperties) {
            JsonNode value = record.get(key);
            if (value == null || value.isNull()) {
                return Optional.empty();
            }
            composite.add(normal(value));
        }
        return Optional.of(composite);
    }

    /** The key's fields by name, as a record that carries only its key. */
    public static void putKey(com.fasterxml.jackson.databind.node.ObjectNode record, JsonNode key, List<String> keyProperties) {
        if (keyProperties.size() == 1) {
            record.set(keyProperties.get(0), key);
            return;
        }
        for (int i = 0; i < keyProperties.size(); i++) {
            record.set(keyProperties.get(i), key.get(i));
        }
    }

    /** Reads what {@link #toJson} wrote; anything else is empty (the kept keys are the tap's own cache). */
    public static Optional<SeenKeys> fromJson(JsonNode json, int arity) {
        if (json == null || !json.isArray()) {
            return Optional.empty();
        }
        Set<JsonNode> keys = new LinkedHashSet<>();
        for (JsonNode key : json) {
            boolean fits = arity == 1 ? key.isValueNode() && !key.isNull() : key.isArray() && key.size() == arity;
            if (!fits) {
                return Optional.empty();
            }
            keys.add(normal(key));
        }
        return Optional.of(new SeenKeys(keys));
    }

    /** One node per value: 7 read back from STATE (an int) must equal the 7 a record held (a long). */
    private static JsonNode normal(JsonNode value) {
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            return com.fasterxml.jackson.databind.node.LongNode.valueOf(value.longValue());
        }
        if (value.isArray()) {
            ArrayNode copy = Json.array();
            value.forEach(item -> copy.add(normal(item)));
            return copy;
        }
        return value;
    }

    public ArrayNode toJson() {
        List<JsonNode> sorted = new ArrayList<>(keys);
        sorted.sort(Comparator.comparing(JsonNode::toString));
        ArrayNode array = Json.array();
        sorted.forEach(array::add);
        return array;
    }

    /** The keys kept here that {@code now} no longer has, in a stable order. */
    public List<JsonNode> goneFrom(SeenKeys now) {
        List<JsonNode> gone = new ArrayList<>();
        for (JsonNode key : keys) {
            if (!now.keys.contains(key)) {
                gone.add(key);
            }
        }
        gone.sort(Comparator.comparing(JsonNode::toString));
        return gone;
    }

    public int size() {
        return keys.size();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SeenKeys && ((SeenKeys) other).keys.equals(keys);
    }

    @Override
    public int hashCode() {
        return keys.hashCode();
    }

    @Override
    public String toString() {
        return toJson().toString();
    }
}
