package io.tapintercom.singer.transform;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.EnumSet;
import java.util.Set;

/** The JSON types a schema node allows; a schema with no "type" allows anything. */
record SchemaTypes(Set<Kind> kinds, boolean dateTime) {
    enum Kind { NULL, STRING, INTEGER, NUMBER, BOOLEAN, OBJECT, ARRAY }

    static SchemaTypes of(JsonNode schema) {
        EnumSet<Kind> kinds = EnumSet.noneOf(Kind.class);
        JsonNode type = schema.get("type");
        if (type != null && type.isTextual()) {
            add(kinds, type.asText());
        } else if (type != null && type.isArray()) {
            type.forEach(t -> add(kinds, t.asText()));
        } else if (schema.has("properties")) {
            kinds.add(Kind.OBJECT);
            kinds.add(Kind.NULL);
        }
        return new SchemaTypes(kinds, "date-time".equals(schema.path("format").asText()));
    }

    private static void add(Set<Kind> kinds, String name) {
        for (Kind kind : Kind.values()) {
            if (kind.name().equalsIgnoreCase(name)) {
                kinds.add(kind);
            }
        }
    }

    boolean any() {
        return kinds.isEmpty();
    }

    boolean allows(Kind kind) {
        return kinds.isEmpty() || kinds.contains(kind);
    }

    String describe() {
        return kinds.isEmpty() ? "anything" : kinds.toString().toLowerCase(java.util.Locale.ROOT);
    }
}
