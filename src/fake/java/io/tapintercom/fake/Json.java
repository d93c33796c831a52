package io.tapintercom.fake;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Streaming JSON straight into a byte buffer: the body must be complete before Content-Length can be sent. */
final class Json {
    static final JsonFactory FACTORY = new JsonFactory();
    static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    @FunctionalInterface
    interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    static byte[] render(Body body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            body.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static void nullableNumber(JsonGenerator g, String field, Long value) throws IOException {
        if (value == null) {
            g.writeNullField(field);
        } else {
            g.writeNumberField(field, value);
        }
    }

    static void intArray(JsonGenerator g, String field, long... values) throws IOException {
        g.writeArrayFieldStart(field);
        for (long v : values) {
            g.writeNumber(v);
        }
        g.writeEndArray();
    }
}
