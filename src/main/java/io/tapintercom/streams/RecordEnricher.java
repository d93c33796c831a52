package io.tapintercom.streams;

import com.fasterxml.jackson.databind.JsonNode;
import io.tapintercom.intercom.IntercomClient;

/** Completes a record the list endpoint returned only in part, with further requests if needed. */
@FunctionalInterface
public interface RecordEnricher {
    RecordEnricher NONE = (client, record) -> record;

    JsonNode enrich(IntercomClient client, JsonNode record);
}
