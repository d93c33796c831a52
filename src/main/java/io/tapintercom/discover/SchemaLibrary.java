package io.tapintercom.discover;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tapintercom.singer.Json;
import io.tapintercom.singer.SdcDeletedAt;
import io.tapintercom.streams.StreamDefinition;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The stream schemas packaged in the jar from schemas/, with {@code _sdc_deleted_at} declared for the
 * streams that can carry deletions.
 */
public final class SchemaLibrary {
    public ObjectNode load(StreamDefinition stream) {
        ObjectNode schema = packaged(stream);
        if (stream.carriesDeletions()) {
            SdcDeletedAt.declareIn(schema);
        }
        return schema;
    }

    private ObjectNode packaged(StreamDefinition stream) {
        try (InputStream in = SchemaLibrary.class.getResourceAsStream(stream.schemaResource())) {
            if (in == null) {
                throw new IllegalStateException("no schema packaged for stream " + stream.name() + " at " + stream.schemaResource());
            }
            return (ObjectNode) Json.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("the schema of stream " + stream.name() + " cannot be read", e);
        }
    }
}
