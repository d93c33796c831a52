package io.tapintercom.discover;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tapintercom.intercom.ApiRequest;
import io.tapintercom.intercom.IntercomClient;
import io.tapintercom.intercom.pagination.Pages;
import io.tapintercom.intercom.pagination.Pagination;
import io.tapintercom.singer.Json;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The workspace's custom data attributes, read at discovery from GET /data_attributes, as a typed
 * property per attribute for the custom_attributes object of contacts, companies and conversations.
 * Unknown attributes stay allowed, so one created after discovery never breaks a sync.
 */
public final class CustomAttributeTypes {
    /** Stream → the data-attribute model its custom_attributes follow. */
    static final Map<String, String> MODELS = Map.of("contacts", "contact", "companies", "company",
            "conversations", "conversation");

    private final Map<String, ObjectNode> propertiesByModel;

    private CustomAttributeTypes(Map<String, ObjectNode> propertiesByModel) {
        this.propertiesByModel = propertiesByModel;
    }

    public static CustomAttributeTypes read(IntercomClient client) {
        Map<String, ObjectNode> byModel = new HashMap<>();
        for (String model : MODELS.values()) {
            ApiRequest request = ApiRequest.get("data_attributes", "/data_attributes")
                    .withQuery("model", model).withQuery("include_archived", "true");
            ObjectNode properties = Json.object();
            for (JsonNode attribute : Pages.readAll(client, request, Pagination.none(), "data")) {
                if (attribute.path("custom").asBoolean(false) && attribute.hasNonNull("name")) {
                    properties.set(attribute.get("name").asText(), typeOf(attribute.path("data_type").asText()));
                }
            }
            byModel.put(model, properties);
        }
        return new CustomAttributeTypes(byModel);
    }

    /** The typed properties for a stream's custom_attributes, if the stream has them. */
    public Optional<ObjectNode> propertiesFor(String stream) {
        return Optional.ofNullable(MODELS.get(stream)).map(propertiesByModel::get);
    }

    public int count() {
        return propertiesByModel.values().stream().mapToInt(ObjectNode::size).sum();
    }

    static ObjectNode typeOf(String dataType) {
        ObjectNode schema = Json.object();
        switch (dataType) {
            case "integer": schema.set("type", Json.strings(java.util.List.of("null", "integer"))); break;
            case "float": schema.set("type", Json.strings(java.util.List.of("null", "number"))); break;
            case "boolean": schema.set("type", Json.strings(java.util.List.of("null", "boolean"))); break;
            case "date":
                schema.set("type", Json.strings(java.util.List.of("null", "string")));
                schema.put("format", "date-time");
                break;
            case "string": schema.set("type", Json.strings(java.util.List.of("null", "string"))); break;
            // Lists of custom-object instances and any type Intercom adds later: kept as they come.
            default: break;
        }
        return schema;
    }
}
