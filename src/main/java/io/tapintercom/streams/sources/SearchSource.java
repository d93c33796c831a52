package io.tapintercom.streams.sources;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tapintercom.intercom.ApiRequest;
import io.tapintercom.intercom.IntercomClient;
import io.tapintercom.intercom.pagination.Page;
import io.tapintercom.intercom.pagination.Pages;
import io.tapintercom.intercom.pagination.SearchPagination;
import io.tapintercom.singer.Json;
import io.tapintercom.streams.ReadWindow;
import io.tapintercom.streams.RecordSource;
import java.time.Duration;
import java.util.Iterator;
import java.util.Optional;
import java.util.Map;
import java.util.TreeMap;

/**
 * POST /{contacts,conversations,tickets}/search on updated_at, sorted ascending, so bookmarks can
 * advance page by page. Contact search on numbered API versions compares dates by calendar day in the
 * workspace's (unknown) timezone, and its ">" starts at the next day: the query therefore starts a
 * full day early and the engine filters to the second. Conversations and tickets compare to the
 * second, and get an upper bound too. Extra equality filters narrow the search (contacts of one role).
 */
public final class SearchSource implements RecordSource {
    public enum DatePrecision { DAY, SECOND }

    private static final long DAY_SECONDS = 86_400;

    private final String endpoint;
    private final String path;
    private final String recordsKey;
    private final String field;
    private final DatePrecision precision;
    private final int pageSize;
    private final Map<String, String> equalTo;

    public SearchSource(String path, String recordsKey, String field, DatePrecision precision, int pageSize) {
        this(path, path, recordsKey, field, precision, pageSize, Map.of());
    }

    private SearchSource(String endpoint, String path, String recordsKey, String field, DatePrecision precision,
                         int pageSize, Map<String, String> equalTo) {
        this.endpoint = endpoint;
        this.path = path;
        this.recordsKey = recordsKey;
        this.field = field;
        this.precision = precision;
        this.pageSize = pageSize;
        this.equalTo = Map.copyOf(equalTo);
    }

    /** Only records whose {@code searchField} equals {@code value} (e.g. role = user). */
    public SearchSource where(String searchField, String value) {
        Map<String, String> filters = new TreeMap<>(equalTo);
        filters.put(searchField, value);
        return new SearchSource(endpoint, path, recordsKey, field, precision, pageSize, filters);
    }

    /** Requests are labelled STREAM_search. */
    @Override
    public SearchSource named(String stream) {
        return new SearchSource(stream + "_search", path, recordsKey, field, precision, pageSize, equalTo);
    }

    @Override
    public boolean sortedByReplicationKey() {
        return true;
    }

    /**
     * A day-granular search reads a whole day more at each end of a slice, so its slices span a week
     * at least; to the second, an hour.
     */
    @Override
    public Optional<Duration> minimumSlice() {
        return Optional.of(precision == DatePrecision.DAY ? Duration.ofDays(7) : Duration.ofHours(1));
    }

    @Override
    public Iterator<Page> open(IntercomClient client, ReadWindow window) {
        return new Pages(client, ApiRequest.post(endpoint, path, body(window)), new SearchPagination(pageSize), recordsKey);
    }

    ObjectNode body(ReadWindow window) {
        ObjectNode body = Json.object();
        ObjectNode query = body.putObject("query");
        query.put("operator", "AND");
        ArrayNode filters = query.putArray("value");
        long from = window.from().getEpochSecond();
        // ">" is documented as inclusive for conversations and tickets but behaves as strict on some
        // versions; one second earlier is right under both readings.
        long after = precision == DatePrecision.DAY ? from - DAY_SECONDS : from - 1;
        filters.addObject().put("field", field).put("operator", ">").put("value", after);
        if (precision == DatePrecision.SECOND) {
            filters.addObject().put("field", field).put("operator", "<").put("value", window.to().getEpochSecond() + 1);
        } else if (window.slice()) {
            // The same rule at the upper end of a slice: "<" stops before the bound's day, so ask up to the
            // day after it; the engine filters to the second, so neighbouring slices never both emit a record.
            filters.addObject().put("field", field).put("operator", "<").put("value", window.to().getEpochSecond() + DAY_SECONDS);
        }
        new TreeMap<>(equalTo).forEach((name, value) -> filters.addObject().put("field", name).put("operator", "=").put("value", value));
        body.putObject("sort").put("field", field).put("order", "ascending");
        return body;
    }
}
