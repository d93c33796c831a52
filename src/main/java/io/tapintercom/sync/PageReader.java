package io.tapintercom.sync;

import com.fasterxml.jackson.databind.JsonNode;
import io.tapintercom.intercom.IntercomClient;
import io.tapintercom.intercom.pagination.CursorLoopException;
import io.tapintercom.intercom.pagination.Page;
import io.tapintercom.singer.DateTimes;
import io.tapintercom.singer.Logger;
import io.tapintercom.streams.ReadWindow;
import io.tapintercom.streams.RecordSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The pages of one read (a window, or a slice of one), in order. For a source sorted by its
 * replication key it owns the read's order:
 * <ul>
 *   <li>the read ends when Intercom has no more pages, or after a page that lies wholly past the
 *       window's end (every later page does too); one record out of order does not end it;</li>
 *   <li>a record past the window's end followed by records within it is out of order: it is outside
 *       the window, and a warning names it (the window filter leaves it out);</li>
 *   <li>when the search repeats a cursor or a page goes back in time, the read restarts from the
 *       highest value it has handed out (or below the broken page's oldest record, if lower), at most
 *       {@link #MAX_RESTARTS} times.</li>
 * </ul>
 * Blocking and single-threaded: one caller at a time.
 */
final class PageReader implements AutoCloseable {
    static final int MAX_RESTARTS = 5;

    private final String stream;
    private final RecordSource source;
    private final IntercomClient client;
    private final Function<JsonNode, Optional<Instant>> key;
    private final ReadWindow window;
    private final Logger log;
    private Iterator<Page> pages;
    private int restarts;
    /** Highest in-window value of the current cursor's pages: a page starting below it went back. */
    private Instant highestOfCursor;
    /** Highest in-window value handed out: where a broken search resumes. */
    private Instant handedOut;
    private boolean pastTheEnd;
    /** Records past the window's end seen so far; out of order if records within the window follow. */
    private final List<JsonNode> pastEnd = new ArrayList<>();

    PageReader(String stream, RecordSource source, IntercomClient client, Function<JsonNode, Optional<Instant>> key,
               ReadWindow window, Logger log) {
        this.stream = stream;
        this.log = log;
        this.source = source;
        this.client = client;
        this.key = key;
        this.window = window;
        this.pages = source.open(client, window);
    }

    ReadWindow window() {
        return window;
    }

    /** The highest in-window value handed out so far: every value below it has been handed out. */
    Optional<Instant> highestHandedOut() {
        return Optional.ofNullable(handedOut);
    }

    /** The next page, or empty at the end of the read. */
    Optional<Page> next() {
        while (!pastTheEnd) {
            String broken;
            Instant unread = null;
            try {
                if (!pages.hasNext()) {
                    return Optional.empty();
                }
                Page page = pages.next();
                Optional<Instant> lowest = inWindow(page).min(Instant::compareTo);
                Instant seen = highestOfCursor;
                if (!guarded() || seen == null || lowest.isEmpty() || !lowest.get().isBefore(seen)) {
                    accept(page);
                    return Optional.of(page);
                }
                broken = "a page went back to records before ones already read";
                // That page may hold records never seen, older than the checkpoint: resume below them.
                unread = lowest.get();
            } catch (CursorLoopException e) {
                broken = e.getMessage();
            }
            restart(broken, unread);
        }
        return Optional.empty();
    }

    private void accept(Page page) {
        inWindow(page).max(Instant::compareTo).ifPresent(high -> {
            highestOfCursor = max(highestOfCursor, high);
            handedOut = max(handedOut, high);
        });
        if (!guarded()) {
            return;
        }
        boolean anyWithin = false;
        boolean anyKeyed = false;
        boolean allPast = true;
        for (JsonNode record : page.records()) {
            Optional<Instant> value = key.apply(record);
            if (value.isEmpty()) {
                continue;
            }
            anyKeyed = true;
            if (value.get().isAfter(window.to())) {
                pastEnd.add(record);
                continue;
            }
            allPast = false;
            if (!value.get().isBefore(window.from())) {
                anyWithin = true;
                warnOutOfOrder();
            }
        }
        // Sorted ascending: once a whole page is past the end, so is every later one.
        pastTheEnd = anyKeyed && allPast;
        if (!anyWithin && !pastEnd.isEmpty() && pastTheEnd) {
            pastEnd.clear(); // updated while the sync ran: the next run's, not out of order
        }
    }

    private void warnOutOfOrder() {
        for (JsonNode record : pastEnd) {
            log.warn("stream %s: record %s, updated %s among earlier records, lies after the end of this read (%s):"
                            + " out of order, outside the window, skipped", stream, record.path("id").asText("(without id)"),
                    key.apply(record).map(DateTimes::format).orElse("?"), DateTimes.format(window.to()));
        }
        pastEnd.clear();
    }

    private void restart(String broken, Instant unread) {
        if (++restarts > MAX_RESTARTS) {
            throw new SyncException("stream " + stream + ": the search kept breaking (" + broken + ") after "
                    + MAX_RESTARTS + " restarts; the STATE written so far is valid, run the tap again later");
        }
        Instant checkpoint = handedOut != null ? handedOut : window.from();
        Instant resume = unread != null && unread.isBefore(checkpoint) ? unread : checkpoint;
        log.warn("stream %s: %s; restarting the read from %s (restart %d of %d)", stream, broken, resume, restarts,
                MAX_RESTARTS);
        pages = source.open(client, new ReadWindow(resume, window.to(), window.slice()));
        highestOfCursor = null;
        pastEnd.clear();
    }

    private java.util.stream.Stream<Instant> inWindow(Page page) {
        return page.records().stream().map(key).flatMap(Optional::stream)
                .filter(value -> !value.isBefore(window.from()) && !value.isAfter(window.to()));
    }

    private boolean guarded() {
        return source.sortedByReplicationKey();
    }

    private static Instant max(Instant a, Instant b) {
        return a == null ? b : b == null ? a : (a.isAfter(b) ? a : b);
    }

    @Override
    public void close() {
        // Nothing held: a cursor is only a request not yet sent.
    }
}
