package io.tapintercom.streams.sources;

import com.fasterxml.jackson.databind.JsonNode;
import io.tapintercom.intercom.ApiRequest;
import io.tapintercom.intercom.IntercomClient;
import io.tapintercom.streams.Deletions;
import io.tapintercom.streams.RecordEnricher;

/**
 * Replaces a search result with the whole object (GET /contacts/{id}), for the fields search leaves
 * out (utm_*, referrer, subscription choices). One request per record, so it is opt-in. An object
 * deleted (or merged away) since the search answers 404: it is reported deleted.
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
        return Deletions.orGone(client.log(), () -> client.send(ApiRequest.get(endpoint, pathPrefix + PathSegment.encode(id))),
                endpoint + " " + id);
    }

    @Override
    public boolean findsGone() {
        return true;
    }
}
