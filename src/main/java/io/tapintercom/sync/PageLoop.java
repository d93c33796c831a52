package io.tapintercom.sync;

import com.fasterxml.jackson.databind.JsonNode;
import io.tapintercom.intercom.IntercomClient;
import io.tapintercom.intercom.pagination.CursorLoopException;
import io.tapintercom.intercom.pagination.Page;
import io.tapintercom.singer.Logger;
import io.tapintercom.streams.ReadWindow;
import io.tapintercom.streams.RecordSource;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Feeds a top-level stream's pages to a handler, with the next page prefetched. For a source sorted
 * by its replication key it also guards the order: if the search repeats a cursor or a page goes back
 * in time, the read restarts from the last checkpoint rather than looping or skipping.
 */
final class PageLoop {
    static final int MAX_RESTARTS = 5;

    private final String stream;
    private final RecordSource source;
    private final String replicationKey;
    private final IntercomClient client;
    private final ExecutorService prefetch;
    private final Instant signpost;
    private final Logger log;

    PageLoop(String stream, RecordSource source, String replicationKey, IntercomClient client, ExecutorService prefetch,
             Instant signpost, Logger log) {
        this.stream = stream;
        this.source = source;
        this.replicationKey = replicationKey;
        this.client = client;
        this.prefetch = prefetch;
        this.signpost = signpost;
        this.log = log;
    }

    /**
     * @param handler     takes each page; returns false to stop reading
     * @param resumePoint where to restart from after a broken search: the last checkpoint
     */
    void read(Instant from, Predicate<Page> handler, Supplier<Instant> resumePoint) {
        int restarts = 0;
        Prefetcher<Page> pages = new Prefetcher<>(source.open(client, new ReadWindow(from, signpost)), prefetch);
        Instant highest = null;
        try {
            while (true) {
                String broken = null;
                Instant unread = null;
                Page page = null;
                try {
                    // hasNext() is inside the guard: it waits for the prefetched request, so a cursor
                    // loop found while fetching the next page surfaces here, not from next(). Outside
                    // the try it escaped as an "unexpected error" instead of restarting the read.
                    if (!pages.hasNext()) {
                        return;
                    }
                    page = pages.next();
                    Instant seen = highest;
                    if (guarded() && seen != null && lowest(page).map(low -> low.isBefore(seen)).orElse(false)) {
                        broken = "a page went back to records before ones already read";
                        // That page may hold records never seen, older than the checkpoint: resume below them.
                        unread = lowest(page).orElse(null);
                    }
                } catch (CursorLoopException e) {
                    broken = e.getMessage();
                }
                if (broken != null) {
                    if (++restarts > MAX_RESTARTS) {
                        throw new SyncException("stream " + stream + ": the search kept breaking (" + broken + ") after "
                                + MAX_RESTARTS + " restarts; the STATE written so far is valid, run the tap again later");
                    }
                    Instant checkpoint = resumePoint.get();
                    Instant resume = unread != null && unread.isBefore(checkpoint) ? unread : checkpoint;
                    log.warn("stream %s: %s; restarting the read from %s (restart %d of %d)", stream, broken, resume,
                            restarts, MAX_RESTARTS);
                    pages.close();
                    pages = new Prefetcher<>(source.open(client, new ReadWindow(resume, signpost)), prefetch);
                    highest = null;
                    continue;
                }
                highest = max(highest, highest(page).orElse(null));
                if (!handler.test(page)) {
                    return;
                }
            }
        } finally {
            pages.close();
        }
    }

    private boolean guarded() {
        return source.sortedByReplicationKey() && replicationKey != null;
    }

    private Optional<Instant> lowest(Page page) {
        return page.records().stream().map(this::key).flatMap(Optional::stream).min(Instant::compareTo);
    }

    private Optional<Instant> highest(Page page) {
        return page.records().stream().map(this::key).flatMap(Optional::stream).max(Instant::compareTo);
    }

    private Optional<Instant> key(JsonNode record) {
        return replicationKey == null ? Optional.empty() : Bookmarks.valueOf(record, replicationKey);
    }

    private static Instant max(Instant a, Instant b) {
        return a == null ? b : b == null ? a : (a.isAfter(b) ? a : b);
    }
}
