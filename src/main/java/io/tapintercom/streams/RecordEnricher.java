package io.tapintercom.streams;

import com.fasterxml.jackson.databind.JsonNode;
import io.tapintercom.intercom.IntercomClient;

/** Completes a record the list endpoint returned only in part, with further requests if needed. */
@FunctionalInterface
public interface RecordEnricher {
    RecordEnricher NONE = (client, record) -> record;

    /**
     * @throws RecordGoneException when the record turns out deleted since it was listed (404 on reading it
     *                             whole), for the engine to write a deletion record instead
     */
    JsonNode enrich(IntercomClient client, JsonNode record);

    /** Whether this enrichment reads the record itself, and so can find it gone. */
    default boolean findsGone() {
        return false;
    }

    /** This enrichment, then {@code next} on its result. */
    default RecordEnricher andThen(RecordEnricher next) {
        RecordEnricher first = this;
        return new RecordEnricher() {
            @Override
            public JsonNode enrich(IntercomClient client, JsonNode record) {
                return next.enrich(client, first.enrich(client, record));
            }

            @Override
            public boolean findsGone() {
                return first.findsGone() || next.findsGone();
            }
        };
    }
}
