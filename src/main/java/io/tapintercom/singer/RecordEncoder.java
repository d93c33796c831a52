package io.tapintercom.singer;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Writes records as the JSON their RECORD lines carry: compact, exact decimals, and U+0000 left out of every
 * string unless the writer was told to keep it. The one encoding of a record, whether it is written from a
 * tree or streamed while it is transformed ({@link Body}). Thread-safe: each call has its own generator.
 */
public final class RecordEncoder {
    private final boolean stripNul;

    RecordEncoder(boolean stripNul) {
        this.stripNul = stripNul;
    }

    /** Writes a record's fields with a generator; the encoder opens and closes the object around them. */
    @FunctionalInterface
    public interface Body {
        void writeFields(JsonGenerator generator) throws IOException;
    }

    /** A record given as a tree. */
    public EncodedRecord encode(JsonNode record, List<String> keyProperties) {
        ObjectNode key = keyOf(record, keyProperties);
        return encode(g -> {
            for (Iterator<Map.Entry<String, JsonNode>> it = record.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                g.writeFieldName(field.getKey());
                writeTree(field.getValue(), g);
            }
        }, key);
    }

    /** A record whose fields {@code body} writes; {@code key} holds its key fields as written. */
    public EncodedRecord encode(Body body, ObjectNode key) {
        ByteArrayBuilder bytes = new ByteArrayBuilder(Json.MAPPER.getFactory()._getBufferRecycler(), 512);
        try (JsonGenerator g = generator(bytes)) {
            g.writeStartObject();
            body.writeFields(g);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("could not write a record", e);
        }
        byte[] json = bytes.toByteArray();
        bytes.release();
        return new EncodedRecord(json, key);
    }

    /** A string as a JSON string literal, quotes included, under the same rules. */
    byte[] quoted(String text) {
        ByteArrayBuilder bytes = new ByteArrayBuilder(64);
        try (JsonGenerator g = generator(bytes)) {
            g.writeString(text);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write a string", e);
        }
        return bytes.toByteArray();
    }

    private JsonGenerator generator(ByteArrayBuilder out) throws IOException {
        JsonGenerator g = Json.MAPPER.getFactory().createGenerator(out);
        if (stripNul) {
            g.setCharacterEscapes(NulStripping.INSTANCE);
        }
        return g;
    }

    /** Writes a tree as Jackson's own serialisation of it would, node by node. */
    public static void writeTree(JsonNode node, JsonGenerator g) throws IOException {
        if (node.isObject()) {
            g.writeStartObject();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                g.writeFieldName(field.getKey());
                writeTree(field.getValue(), g);
            }
            g.writeEndObject();
        } else if (node.isArray()) {
            g.writeStartArray();
            for (JsonNode item : node) {
                writeTree(item, g);
            }
            g.writeEndArray();
        } else if (node.isTextual()) {
            g.writeString(node.textValue());
        } else if (node.isNumber()) {
            writeNumber(node, g);
        } else if (node.isBoolean()) {
            g.writeBoolean(node.booleanValue());
        } else if (node.isNull() || node.isMissingNode()) {
            g.writeNull();
        } else {
            Json.MAPPER.writeTree(g, node);
        }
    }

    private static void writeNumber(JsonNode node, JsonGenerator g) throws IOException {
        switch (node.numberType()) {
            case INT: g.writeNumber(node.intValue()); break;
            case LONG: g.writeNumber(node.longValue()); break;
            case BIG_INTEGER: g.writeNumber(node.bigIntegerValue()); break;
            case FLOAT: g.writeNumber(node.floatValue()); break;
            case DOUBLE: g.writeNumber(node.doubleValue()); break;
            default: g.writeNumber(node.decimalValue()); break;
        }
    }

    private static ObjectNode keyOf(JsonNode record, List<String> keyProperties) {
        ObjectNode key = Json.object();
        for (String name : keyProperties) {
            JsonNode value = record.get(name);
            if (value != null) {
                key.set(name, value);
            }
        }
        return key;
    }
}
