package io.tapintercom.streams.sources;

import io.tapintercom.intercom.ApiRequest;
import io.tapintercom.intercom.IntercomApiException;
import io.tapintercom.intercom.IntercomClient;
import io.tapintercom.intercom.RestartRequiredException;
import io.tapintercom.intercom.pagination.Page;
import io.tapintercom.intercom.pagination.Pages;
import io.tapintercom.intercom.pagination.ScrollPagination;
import io.tapintercom.streams.ReadWindow;
import io.tapintercom.streams.RecordSource;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * GET /companies/scroll, the only way past 10,000 companies. A scroll cannot resume after a 5xx
 * ("please restart the scroll operation"), and a 404 after a non-empty page means it expired while
 * idle; both restart it from the beginning (records already emitted come again; targets dedupe by
 * key). A 404 on the very first page, or too many restarts, fail the stream.
 */
public final class ScrollSource implements RecordSource {
    static final int MAX_RESTARTS = 5;
    private final ApiRequest base;
    private final String recordsKey;

    public ScrollSource(String path, String recordsKey) {
        this(ApiRequest.get(path, path), recordsKey);
    }

    private ScrollSource(ApiRequest base, String recordsKey) {
        this.base = base;
        this.recordsKey = recordsKey;
    }

    /** Requests are labelled STREAM_scroll. */
    @Override
    public ScrollSource named(String stream) {
        return new ScrollSource(ApiRequest.get(stream + "_scroll", base.path()), recordsKey);
    }

    @Override
    public boolean mustNotIdle() {
        return true;
    }

    @Override
    public Iterator<Page> open(IntercomClient client, ReadWindow window) {
        return new Iterator<>() {
            private Pages pages = fresh(client);
            private int restarts;
            private boolean started;

            @Override
            public boolean hasNext() {
                return pages.hasNext();
            }

            @Override
            public Page next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                while (true) {
                    try {
                        Page page = pages.next();
                        started = true;
                        return page;
                    } catch (IntercomApiException e) {
                        boolean expired = e.isNotFound() && started;
                        if (!(expired || e instanceof RestartRequiredException) || ++restarts > MAX_RESTARTS) {
                            throw e;
                        }
                        client.log().warn("%s: the company scroll broke (%s); restarting it from the beginning (restart %d of %d)",
                                base.describe(), e.getMessage(), restarts, MAX_RESTARTS);
                        pages = fresh(client);
                        started = false;
                    }
                }
            }
        };
    }

    private Pages fresh(IntercomClient client) {
        return new Pages(client, base, new ScrollPagination(), recordsKey);
    }
}
