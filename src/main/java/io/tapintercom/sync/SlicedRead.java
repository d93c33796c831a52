package io.tapintercom.sync;

import com.fasterxml.jackson.databind.JsonNode;
import io.tapintercom.intercom.pagination.Page;
import io.tapintercom.singer.DateTimes;
import io.tapintercom.singer.Logger;
import io.tapintercom.streams.ReadWindow;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;

/**
 * A group's read as pages from one or more slices, each slice's pages in its own order, the next pages
 * of as many open slices in flight as the group's pace can use ({@link PageDemand}). Hands out whichever
 * page arrives first. A page may be
 * written well after it was handed out (the group expands several pages at once), as long as each
 * slice's pages are written in the order handed out; after each, {@link #written} says where the
 * bookmark may go (see {@link Slices}). The read starts as
 * one slice over the whole window; {@link SlicePlanner} may cut the rest of a slice into several.
 * Only the group's thread calls it; readers run on {@code threads}.
 */
final class SlicedRead implements AutoCloseable {
    /** A page of one slice, numbered within that slice's cursor. */
    record SlicePage(Slice slice, Page page, int number, ReadWindow window) {
        List<JsonNode> records() {
            return page.records();
        }

        String describe() {
            return "page " + number + " of the read from " + DateTimes.format(window.from()) + " to "
                    + DateTimes.format(window.to());
        }
    }

    /** What a reader thread hands back: a page, the end of its slice (page null), or a failure; and when. */
    private record Arrival(Slice slice, Page page, RuntimeException failure, long askedAt, long arrivedAt) {}

    private final Function<ReadWindow, PageReader> readers;
    private final SlicePlanner planner;
    private final ExecutorService threads;
    private final String stream;
    private final Logger log;
    private final Clock clock;
    private final PageDemand demand;
    private final Slices slices;
    private final BlockingQueue<Arrival> arrivals = new LinkedBlockingQueue<>();
    private final Map<Slice, PageReader> open = new HashMap<>();
    private final Map<Slice, Integer> pageNumbers = new HashMap<>();
    /** The slices whose next page is asked for or has arrived, not yet taken. */
    private final Map<Slice, Future<?>> inFlight = new HashMap<>();
    /** Open slices whose next page waits to be asked for: the group's pace has enough pages coming. */
    private final List<Slice> held = new ArrayList<>();
    /** The pages each open slice has yet to read, as Intercom last said (or as estimated when it was cut). */
    private final Map<Slice, Long> pagesLeft = new HashMap<>();

    /** @param planner null for a read that is never sliced */
    SlicedRead(String stream, ReadWindow whole, Function<ReadWindow, PageReader> readers, SlicePlanner planner,
               ExecutorService threads, Clock clock, Logger log) {
        this.stream = stream;
        this.log = log;
        this.clock = clock;
        this.demand = new PageDemand(clock);
        this.readers = readers;
        this.planner = planner;
        this.threads = threads;
        Slice first = new Slice(whole.from(), whole.to(), false);
        this.slices = new Slices(first);
        start(first);
    }

    /** The next page of any open slice; null once every slice has ended. */
    SlicePage next() {
        while (!open.isEmpty()) {
            release();
            Arrival arrival = take();
            inFlight.remove(arrival.slice());
            if (arrival.failure() != null) {
                throw arrival.failure();
            }
            Slice slice = arrival.slice();
            if (arrival.page() == null) {
                // Finished only once the pages handed out before are written too.
                open.remove(slice).close();
                pagesLeft.remove(slice);
                slice.end();
                continue;
            }
            PageReader reader = open.get(slice);
            demand.taken(arrival.askedAt(), arrival.arrivedAt());
            int number = pageNumbers.merge(slice, 1, Integer::sum);
            OptionalLong left = SlicePlanner.pagesLeft(arrival.page());
            left.ifPresent(pages -> pagesLeft.put(slice, pages));
            List<Slice> parts = planner == null ? List.of() : reader.highestHandedOut()
                    .map(at -> planner.split(at, slice.to(), left, open.size()))
                    .orElse(List.of());
            SlicePage page = new SlicePage(slice, arrival.page(), number, reader.window());
            slice.handedOut();
            if (parts.isEmpty()) {
                fetch(slice);
            } else {
                cut(slice, parts);
            }
            return page;
        }
        return null;
    }

    /**
     * Marks a page of {@code slice} written, the highest in-window value among its records given; returns where
     * the read's bookmark may now go.
     */
    Optional<Instant> written(Slice slice, Optional<Instant> highest) {
        slice.pageWritten(highest.orElse(null));
        return slices.bookmark();
    }

    /** Where the read's bookmark may go now: after the last page, once every slice has ended, the whole read's end. */
    Optional<Instant> bookmark() {
        return slices.bookmark();
    }

    List<Slice> slices() {
        return slices.all();
    }

    /** The rest of the slice is read as {@code parts}; the slice ends with the page just handed out. */
    private void cut(Slice slice, List<Slice> parts) {
        open.remove(slice).close();
        Long left = pagesLeft.remove(slice);
        if (left != null) {
            parts.forEach(part -> pagesLeft.put(part, (left + parts.size() - 1) / parts.size()));
        }
        slice.end();
        slices.split(slice, parts);
        log.info("stream %s: reading the rest, from %s to %s, in %d slices at once", stream,
                DateTimes.format(parts.get(0).from()), DateTimes.format(parts.get(parts.size() - 1).to()), parts.size());
        parts.forEach(this::start);
    }

    private void start(Slice slice) {
        open.put(slice, readers.apply(slice.window()));
        fetch(slice);
    }

    /** The slice's next page is asked for as soon as the group's pace wants one more page coming. */
    private void fetch(Slice slice) {
        held.add(slice);
        release();
    }

    /**
     * Asks for the next pages of held slices while fewer pages are coming than the group's pace can use (see
     * {@link PageDemand}), those of the slices with the most pages left first (the longest chains). At least one
     * page is always coming while a slice is open.
     */
    private void release() {
        while (!held.isEmpty() && inFlight.size() < demand.pages()) {
            Slice slice = first(held, s -> false, s -> pagesLeft.getOrDefault(s, 0L));
            held.remove(slice);
            ask(slice);
        }
    }

    private void ask(Slice slice) {
        PageReader reader = open.get(slice);
        long askedAt = clock.millis();
        inFlight.put(slice, threads.submit(() -> {
            Arrival arrival;
            try {
                Page page = reader.next().orElse(null);
                arrival = new Arrival(slice, page, null, askedAt, clock.millis());
            } catch (RuntimeException e) {
                arrival = new Arrival(slice, null, e, askedAt, clock.millis());
            }
            arrivals.add(arrival);
        }));
    }

    /**
     * Of the arrivals waiting, the one whose slice has the most pages left: its next page is asked for as soon
     * as this one is handed out, and a slice that cannot be cut further is a chain of pages, each asked for after
     * the one before. Taken first, the longest chain is read from the start of the sync rather than at its end.
     * Each slice has one arrival at most, so a slice's pages still come in order. An end or a failure is taken
     * at once.
     */
    private Arrival take() {
        List<Arrival> ready = new ArrayList<>();
        try {
            ready.add(arrivals.take());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SyncException("interrupted");
        }
        arrivals.drainTo(ready);
        Arrival chosen = first(ready, arrival -> arrival.page() == null,
                arrival -> pagesLeft.getOrDefault(arrival.slice(), 0L));
        for (Arrival arrival : ready) {
            if (arrival != chosen) {
                arrivals.add(arrival);
            }
        }
        return chosen;
    }

    /** Of what is ready, the first that {@code ends}, or else the first with the most pages left. */
    static <T> T first(List<T> ready, Predicate<T> ends, ToLongFunction<T> pagesLeft) {
        T chosen = ready.get(0);
        for (T candidate : ready) {
            if (ends.test(candidate)) {
                return candidate;
            }
            if (pagesLeft.applyAsLong(candidate) > pagesLeft.applyAsLong(chosen)) {
                chosen = candidate;
            }
        }
        return chosen;
    }

    @Override
    public void close() {
        held.clear();
        inFlight.values().forEach(future -> future.cancel(true));
        inFlight.clear();
        open.values().forEach(PageReader::close);
        open.clear();
    }
}
