package io.tapintercom.singer;

import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** The one configured Jackson mapper, shared by every layer. */
public final class Json {
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            // Floats stay exact decimals: a money amount must reach the warehouse as Intercom sent it.
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            // Singer targets reject NaN; never let Jackson invent a textual form for it.
            .disable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
            // ...and keep its scale: 100.0 stays 100.0, never 1E+2; objects hold their fields compactly.
            .nodeFactory(CompactNodeFactory.INSTANCE)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();
    private static final JsonNodeFactory NODES = CompactNodeFactory.INSTANCE;

    private Json() {}

    public static ObjectNode object() {
        return NODES.objectNode();
    }

    /**
     * A new object with the same fields, their values shared, not copied: for adding or replacing top-level
     * fields of a record read from Intercom without changing the record itself. Nothing here changes a
     * value inside a record once read, so sharing them is safe, and a row costs one map instead of its
     * whole tree copied (a conversation part with its author and attachments).
     */
    public static ObjectNode shallowCopy(JsonNode object) {
        return object().setAll((ObjectNode) object);
    }

    public static ArrayNode array() {
        return NODES.arrayNode();
    }

    public static ArrayNode strings(Collection<String> values) {
        ArrayNode array = array();
        values.forEach(array::add);
        return array;
    }

    /** Reads an array of strings; a missing or non-array node gives an empty list. */
    public static List<String> stringList(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node != null && node.isArray()) {
            node.forEach(item -> out.add(item.asText()));
        }
        return out;
    }

    /**
     * A value as a JSON string literal, quotes included: control characters come out escaped (\\r\\n, \\u0007),
     * so a value quoted in a message can never start a line of its own.
     */
    public static String quote(String value) {
        return "\"" + escape(value) + "\"";
    }

    /** The text as inside a JSON string: control characters, quotes and backslashes escaped. */
    public static String escape(String value) {
        return new String(JsonStringEncoder.getInstance().quoteAsString(value));
    }

    public static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
