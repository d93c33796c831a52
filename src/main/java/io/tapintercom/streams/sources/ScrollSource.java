package io.tapintercom.streams.sources;

import com.fasterxml.jackson.databind.JsonNode;
import io.tapintercom.intercom.ApiRequest;
import io.tapintercom.intercom.IntercomApiException;
import io.tapintercom.intercom.IntercomClient;
import io.tapintercom.intercom.RestartRequiredException;
import io.tapintercom.intercom.pagination.Page;
import io.tapintercom.intercom.pagination.Pages;
import io.tapintercom.intercom.pagination.ScrollPagination;
import io.tapintercom.streams.ReadWindow;
import io.tapintercom.streams.RecordSource;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * GET /companies/scroll, the only way past 10,000 companies. A scroll cannot continue after a failure
 * that may have moved its cursor (a 500 "please restart the scroll operation", a timeout, a cut-off
 * page; the client raises {@link RestartRequiredException} for those and retries in place what cannot
 * have moved it), and a 404 after a non-empty page means it expired while idle: both restart it from
 * the beginning. A restarted pass hands on only companies this read has not handed on yet.
 *
 * <p>Every pass risks the same failures over its whole length, so the restart budget grows with the
 * scroll: {@value #MAX_RESTARTS} restarts, plus one per {@value #PAGES_PER_EXTRA_RESTART} pages of the
 * longest pass. A 404 on the very first page, or a budget spent, fail the stream.
 */
public final class ScrollSource implements RecordSource {
    static final int MAX_RESTARTS = 5;
    static final int PAGES_PER_EXTRA_RESTART = 50;
    /** Ids remembered across restarts: at most 16 MB of table; past it a restart may write a company twice. */
    static final int REMEMBERED_IDS = 500_000;
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
            private final SeenIds handedOut = new SeenIds(REMEMBERED_IDS);
            private Pages pages = fresh(client);
            private int restarts;
            private int pagesThisPass;
            private int longestPass;

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
                        longestPass = Math.max(longestPass, ++pagesThisPass);
                        return unseen(page);
                    } catch (IntercomApiException e) {
                        boolean expired = e.isNotFound() && pagesThisPass > 0;
                        int budget = MAX_RESTARTS + longestPass / PAGES_PER_EXTRA_RESTART;
                        if (!(expired || e instanceof RestartRequiredException) || ++restarts > budget) {
                            throw e;
                        }
                        client.log().warn("%s: the company scroll broke (%s) after %,d pages; restarting it from the"
                                        + " beginning (restart %d of %d), skipping the %,d companies already read",
                                base.describe(), e.getMessage(), pagesThisPass, restarts, budget, handedOut.size());
                        pages = fresh(client);
                        pagesThisPass = 0;
                    }
                }
            }

            /** The page less the companies an earlier pass of this read already handed on. */
            private Page unseen(Page page) {
                List<JsonNode> fresh = new ArrayList<>(page.records().size());
                for (JsonNode record : page.records()) {
                    JsonNode id = record.get("id");
                    if (id == null || !id.isTextual() || handedOut.add(id.asText())) {
                        fresh.add(record);
                    }
                }
                return fresh.size() == page.records().size() ? page : new Page(fresh, page.response());
            }
        };
    }

    private Pages fresh(IntercomClient client) {
        return new Pages(client, base, new ScrollPagination(), recordsKey);
    }
}
