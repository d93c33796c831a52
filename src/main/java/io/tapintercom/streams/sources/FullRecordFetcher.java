package io.tapintercom.streams.sources;

import com.fasterxml.jackson.databind.JsonNode;
import io.tapintercom.intercom.ApiRequest;
import io.tapintercom.intercom.IntercomApiException;
import io.tapintercom.intercom.IntercomClient;
import io.tapintercom.singer.Log;
import io.tapintercom.streams.RecordEnricher;

/**
 * Replaces a search result with the whole object (GET /contacts/{id}), for the fields search leaves
 * out (utm_*, referrer, subscription choices). One request per record, so it is opt-in. An object
 * deleted since the search keeps the search's record.
 */
public final class FullRecordFetcher implements RecordEnricher {
    private final String endpoint;
    private final String pathPrefix;

    public FullRecordFetcher(String endpoint, String pathPrefix) {
        this.endpoint = endpoint;
        this.pathPrefix = pathPrefix;
    }

    @Override
    public JsonNode enrich(IntercomClient client, JsonNode record) {
        String id = record.path("id").asText();
        try {
            return client.send(ApiRequest.get(endpoint, pathPrefix + PathSegment.encode(id)));
        } catch (IntercomApiException e) {
            if (!e.isNotFound()) {
                throw e;
            }
            Log.warn("%s %s no longer exists (%s); the search's record is kept", endpoint, id, e.getMessage());
            return record;
        }
    }
}
