package io.tapintercom.intercom.pagination;

import com.fasterxml.jackson.databind.JsonNode;
import io.tapintercom.intercom.ApiRequest;
import io.tapintercom.intercom.IntercomApiException;
import io.tapintercom.intercom.IntercomClient;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * Walks a paginated list one page at a time, lazily: only one page is ever held, however long the
 * list. The records sit under {@code recordsKey}, which differs per endpoint (data, conversations,
 * tickets, admins...); a response without it is an error, never an empty page.
 */
public final class Pages implements Iterator<Page> {
    private final IntercomClient client;
    private final Pagination pagination;
    private final String recordsKey;
    private ApiRequest nextRequest;

    public Pages(IntercomClient client, ApiRequest base, Pagination pagination, String recordsKey) {
        this.client = client;
        this.pagination = pagination;
        this.recordsKey = recordsKey;
        this.nextRequest = pagination.first(base);
    }

    @Override
    public boolean hasNext() {
        return nextRequest != null;
    }

    @Override
    public Page next() {
        if (nextRequest == null) {
            throw new NoSuchElementException();
        }
        ApiRequest request = nextRequest;
        JsonNode response = client.send(request);
        JsonNode list = response.get(recordsKey);
        if (list == null || !list.isArray()) {
            throw new IntercomApiException(request.describe() + " answered without a \"" + recordsKey + "\" list", 200, null);
        }
        List<JsonNode> records = new ArrayList<>(list.size());
        list.forEach(records::add);
        Optional<ApiRequest> following = pagination.next(request, response);
        nextRequest = following.orElse(null);
        return new Page(records, response);
    }

    /** Every record of every page, for small lists read whole (a contact's tags, a company's segments). */
    public static List<JsonNode> readAll(IntercomClient client, ApiRequest base, Pagination pagination, String recordsKey) {
        List<JsonNode> all = new ArrayList<>();
        new Pages(client, base, pagination, recordsKey).forEachRemaining(page -> all.addAll(page.records()));
        return all;
    }
}
