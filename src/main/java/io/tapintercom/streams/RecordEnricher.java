package io.tapintercom.streams;

import com.fasterxml.jackson.databind.JsonNode;
import io.tapintercom.intercom.IntercomClient;

/** Completes a record the list endpoint returned only in part, with further requests if needed. */
@FunctionalInterface
public interface RecordEnricher {
    RecordEnricher NONE = (client, record) -> record;

    JsonNode enrich(IntercomClient client, JsonNode record);

    /** This enrichment, then {@code next} on its result. */
    default RecordEnricher andThen(RecordEnricher next) {
        return (client, record) -> next.enrich(client, enrich(client, record));
    }
}
