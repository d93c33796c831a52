package io.tapintercom.discover;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tapintercom.singer.Json;
import io.tapintercom.singer.SdcDeletedAt;
import io.tapintercom.singer.catalog.Breadcrumb;
import io.tapintercom.singer.catalog.Catalog;
import io.tapintercom.singer.catalog.CatalogEntry;
import io.tapintercom.singer.catalog.Metadata;
import io.tapintercom.streams.StreamDefinition;
import io.tapintercom.streams.Streams;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Builds the catalog: every stream's schema with standard Singer metadata. Keys and replication keys
 * are automatic; every other top-level field is available, so each can be deselected.
 */
public final class Discoverer {
    private final Streams streams;
    private final SchemaLibrary schemas;

    public Discoverer(Streams streams, SchemaLibrary schemas) {
        this.streams = streams;
        this.schemas = schemas;
    }

    /** @param customAttributes typed custom attributes, or null to leave custom_attributes an open object */
    public Catalog discover(CustomAttributeTypes customAttributes) {
        List<CatalogEntry> entries = new ArrayList<>();
        for (StreamDefinition stream : streams.all()) {
            ObjectNode schema = schemas.load(stream);
            if (customAttributes != null) {
                customAttributes.propertiesFor(stream.schema()).ifPresent(typed -> typeCustomAttributes(schema, typed));
            }
            ObjectNode entry = Json.object().put("tap_stream_id", stream.name()).put("stream", stream.name());
            entry.set("schema", schema);
            entry.set("key_properties", Json.strings(stream.keyProperties()));
            entry.set("metadata", metadata(stream, schema).toJson());
            entries.add(new CatalogEntry(entry));
        }
        return new Catalog(entries);
    }

    private static void typeCustomAttributes(ObjectNode schema, ObjectNode typed) {
        var field = schema.path("properties").get("custom_attributes");
        if (field instanceof ObjectNode) {
            ObjectNode properties = ((ObjectNode) field).putObject("properties");
            properties.setAll(typed);
            ((ObjectNode) field).put("additionalProperties", true);
        }
    }

    static Metadata metadata(StreamDefinition stream, ObjectNode schema) {
        Metadata metadata = new Metadata();
        ObjectNode top = metadata.at(Breadcrumb.STREAM);
        top.put(Metadata.INCLUSION, Metadata.AVAILABLE);
        top.put(Metadata.SELECTED_BY_DEFAULT, stream.selectedByDefault());
        top.set(Metadata.TABLE_KEY_PROPERTIES, Json.strings(stream.keyProperties()));
        top.put(Metadata.FORCED_REPLICATION_METHOD, stream.replication().method().name());
        top.set(Metadata.VALID_REPLICATION_KEYS, Json.strings(stream.replicationKeys()));
        if (!stream.replicationKeys().isEmpty()) {
            top.put(Metadata.REPLICATION_KEY, stream.replicationKeys().get(0));
        }
        top.put("schema-name", stream.name());
        if (stream.isChild()) {
            top.put("parent-tap-stream-id", stream.parent());
        }
        Set<String> automatic = new java.util.HashSet<>(stream.keyProperties());
        automatic.addAll(stream.replicationKeys());
        if (stream.carriesDeletions()) {
            automatic.add(SdcDeletedAt.FIELD);
        }
        schema.path("properties").fieldNames().forEachRemaining(name -> metadata.at(Breadcrumb.property(name))
                .put(Metadata.INCLUSION, automatic.contains(name) ? Metadata.AUTOMATIC : Metadata.AVAILABLE));
        return metadata;
    }
}
