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
 * tree or streamed while it is transformed ({@link Body}). Thread-safe: each thread has its own generator.
 */
public final class RecordEncoder {
    /** A thread's buffer grown beyond this by a large record is let go after it, not kept for the next. */
    private static final int KEPT_BUFFER_LIMIT = 16 * 1024;

    private final boolean stripNul;
    /**
     * Each thread's generator and buffer, used record after record: a generator made, closed and released for each
     * record took some 5% of a sync's CPU in a profile.
     */
    private final ThreadLocal<Target> targets = ThreadLocal.withInitial(this::newTarget);

    /** A generator writing into a buffer of its own, between records positioned at the start of an empty buffer. */
    private record Target(JsonGenerator generator, ByteArrayBuilder bytes) {}

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
        Target target = targets.get();
        boolean written = false;
        try {
            JsonGenerator g = target.generator();
            g.writeStartObject();
            body.writeFields(g);
            g.writeEndObject();
            g.flush();
            byte[] json = target.bytes().toByteArray();
            target.bytes().reset();
            written = true;
            return new EncodedRecord(json, key);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write a record", e);
        } finally {
            if (!written || target.bytes().getCurrentSegment().length > KEPT_BUFFER_LIMIT) {
                targets.remove(); // a generator left inside a record that failed, or a buffer grown too large to keep
            }
        }
    }

    private Target newTarget() {
        ByteArrayBuilder bytes = new ByteArrayBuilder(2048);
        try {
            JsonGenerator g = generator(bytes);
            g.setRootValueSeparator(null); // records follow one another in the buffer, each taken out whole
            return new Target(g, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("could not make a JSON generator", e);
        }
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
