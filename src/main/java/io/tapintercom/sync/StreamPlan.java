package io.tapintercom.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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

    /** Makes a raw record fit the SCHEMA, and checks it if validation is on. Thread-safe. */
    ObjectNode prepare(JsonNode raw) {
        ObjectNode record = transformer.transform(raw);
        if (validator != null) {
            validator.validate(record);
        }
        return record;
    }
}
