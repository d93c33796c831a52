package io.tapintercom.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tapintercom.singer.EncodedRecord;
import io.tapintercom.singer.RecordEncoder;
import io.tapintercom.singer.transform.RecordTransformer;
import io.tapintercom.singer.transform.RecordValidator;
import io.tapintercom.streams.StreamDefinition;

/**
 * One stream as this run will treat it. A parent read only for its selected children has
 * {@code emit} false and no schema or transformer.
 */
record StreamPlan(StreamDefinition definition, boolean emit, ObjectNode schema, RecordTransformer transformer,
                  RecordValidator validator) {

    String name() {
        return definition.name();
    }

    boolean incremental() {
        return definition.replication().isIncremental();
    }

    /**
     * Makes a raw record fit the SCHEMA, checks it if validation is on, and encodes it for its RECORD line:
     * on the worker thread that calls this, so the writing thread only copies bytes. Thread-safe.
     */
    EncodedRecord prepare(JsonNode raw, RecordEncoder encoder) {
        if (validator == null) {
            return transformer.encode(raw, encoder);
        }
        ObjectNode record = transformer.transform(raw);
        validator.validate(record);
        return encoder.encode(record, transformer.keyProperties());
    }

    /** One plan is one stream of one run: compared by identity, never by hashing its schema. */
    @Override
    public boolean equals(Object other) {
        return this == other;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
