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
import java.util.Map;
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
    private final Function<ReadWindow, Map<String, String>> windowed;

    private ListSource(ApiRequest base, String recordsKey, Supplier<Pagination> pagination,
                       Function<ReadWindow, Map<String, String>> windowed) {
        this.base = base;
        this.recordsKey = recordsKey;
        this.pagination = pagination;
        this.windowed = windowed;
    }

    /** An unpaginated list such as GET /admins. */
    public static ListSource whole(String path, String recordsKey) {
        return new ListSource(ApiRequest.get(path, path), recordsKey, Pagination::none, window -> Map.of());
    }

    /** A ?page=N&per_page=M list such as GET /articles. */
    public static ListSource paged(String path, String recordsKey, int perPage) {
        return new ListSource(ApiRequest.get(path, path), recordsKey, () -> new PageNumberPagination(perPage),
                window -> Map.of());
    }

    public ListSource withQuery(String name, String value) {
        return new ListSource(base.withQuery(name, value), recordsKey, pagination, windowed);
    }

    /** Adds query parameters computed from the read window to every first request. */
    public ListSource windowedBy(Function<ReadWindow, Map<String, String>> parameters) {
        return new ListSource(base, recordsKey, pagination, parameters);
    }

    /** Requests are labelled with the stream's name. */
    @Override
    public ListSource named(String stream) {
        ApiRequest labelled = new ApiRequest(stream, base.method(), base.path(), base.query(), base.body(), base.restartable(),
                base.apiVersion());
        return new ListSource(labelled, recordsKey, pagination, windowed);
    }

    @Override
    public Iterator<Page> open(IntercomClient client, ReadWindow window) {
        ApiRequest request = base;
        for (var parameter : windowed.apply(window).entrySet()) {
            request = request.withQuery(parameter.getKey(), parameter.getValue());
        }
        return new Pages(client, request, pagination.get(), recordsKey);
    }
}
