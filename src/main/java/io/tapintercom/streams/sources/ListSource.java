package io.tapintercom.streams.sources;

import io.tapintercom.intercom.ApiRequest;
import io.tapintercom.intercom.IntercomClient;
import io.tapintercom.intercom.pagination.Page;
import io.tapintercom.intercom.pagination.PageNumberPagination;
import io.tapintercom.intercom.pagination.Pages;
import io.tapintercom.intercom.pagination.Pagination;
import io.tapintercom.streams.ReadWindow;
import io.tapintercom.streams.RecordSource;
import java.util.Iterator;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A GET list: whole in one response, or page-numbered. The window can add query parameters (activity
 * logs filter on created_at server-side); otherwise the engine filters on the client.
 */
public final class ListSource implements RecordSource {
    private final ApiRequest base;
    private final String recordsKey;
    private final Supplier<Pagination> pagination;
    private final Function<ReadWindow, ApiRequest> windowed;

    private ListSource(ApiRequest base, String recordsKey, Supplier<Pagination> pagination,
                       Function<ReadWindow, ApiRequest> windowed) {
        this.base = base;
        this.recordsKey = recordsKey;
        this.pagination = pagination;
        this.windowed = windowed;
    }

    /** An unpaginated list such as GET /admins. */
    public static ListSource whole(String endpoint, String path, String recordsKey) {
        ApiRequest request = ApiRequest.get(endpoint, path);
        return new ListSource(request, recordsKey, Pagination::none, window -> request);
    }

    /** A ?page=N&per_page=M list such as GET /articles. */
    public static ListSource paged(String endpoint, String path, String recordsKey, int perPage) {
        ApiRequest request = ApiRequest.get(endpoint, path);
        return new ListSource(request, recordsKey, () -> new PageNumberPagination(perPage), window -> request);
    }

    public ListSource withQuery(String name, String value) {
        ApiRequest request = base.withQuery(name, value);
        return new ListSource(request, recordsKey, pagination, window -> request);
    }

    /** Adds query parameters computed from the read window to every first request. */
    public ListSource windowedBy(Function<ReadWindow, java.util.Map<String, String>> parameters) {
        return new ListSource(base, recordsKey, pagination, window -> {
            ApiRequest request = base;
            for (var parameter : parameters.apply(window).entrySet()) {
                request = request.withQuery(parameter.getKey(), parameter.getValue());
            }
            return request;
        });
    }

    @Override
    public Iterator<Page> open(IntercomClient client, ReadWindow window) {
        return new Pages(client, windowed.apply(window), pagination.get(), recordsKey);
    }
}
