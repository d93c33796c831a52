package io.tapintercom.sync;

import com.fasterxml.jackson.databind.JsonNode;
import io.tapintercom.intercom.pagination.Page;
import io.tapintercom.streams.SliceShape;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.DoubleSupplier;
import java.util.function.IntSupplier;

/**
 * Decides when the rest of a slice is worth reading as several slices at once. A search reads one
 * page at a time, so a long read is as slow as its page count times the latency; cut into N slices
 * read concurrently, it takes about 1/N of that. After each page the planner looks at what remains
 * (the pages Intercom says are left) and, when slots are free, cuts the rest of the slice into equal
 * spans of time: at most one slice per free slot, at least {@link #MIN_PAGES} pages each, and no span
 * shorter than {@link #minimumSpan} allows. A slice that turns out dense is cut again when a slot frees
 * up, so uneven data still spreads out.
 */
final class SlicePlanner {
    /** Fewer pages than this per slice is not worth a cursor of its own. */
    static final int MIN_PAGES = 4;
    /**
     * The most a slice's re-read pages (see {@link SliceShape}) may add to the requests of its own span. With
     * nothing but the pages to read, a day-granular search's slices span about a week.
     */
    static final double MAX_REREAD_SHARE = 0.3;

    private final IntSupplier maxSlices;
    private final SliceShape shape;
    private final DoubleSupplier requestsPerRecord;

    /**
     * @param maxSlices         slices read at once: the requests the client may have in flight now (it follows the
     *                          rate budget and the latency), since each open slice keeps one page request in flight
     * @param requestsPerRecord the requests a record read brings on average (its children's), so far: what a
     *                          page costs besides its own request
     */
    SlicePlanner(IntSupplier maxSlices, SliceShape shape, DoubleSupplier requestsPerRecord) {
        this.maxSlices = maxSlices;
        this.shape = shape;
        this.requestsPerRecord = requestsPerRecord;
    }

    /**
     * The slices to read the rest of a slice with, from {@code at} (the highest value read so far,
     * inclusive) to {@code to}; empty to go on with the one cursor.
     * @param open          slices open now, this one included
     * @param recordsOnPage the records on the page just read, a measure of the pages to come
     */
    List<Slice> split(Instant at, Instant to, OptionalLong pagesLeft, long open, int recordsOnPage) {
        if (pagesLeft.isEmpty() || !at.isBefore(to)) {
            return List.of();
        }
        long bySlots = Math.max(1, maxSlices.getAsInt()) - open + 1;
        long byPages = pagesLeft.getAsLong() / MIN_PAGES;
        long bySpan = Duration.between(at, to).getSeconds() / minimumSpan(recordsOnPage).getSeconds();
        int parts = (int) Math.min(bySlots, Math.min(byPages, bySpan));
        if (parts < 2) {
            return List.of();
        }
        long step = Duration.between(at, to).getSeconds() / parts;
        List<Slice> slices = new ArrayList<>(parts);
        for (int i = 0; i < parts; i++) {
            Instant start = at.plusSeconds(step * i);
            Instant end = i == parts - 1 ? to : at.plusSeconds(step * (i + 1)).minusSeconds(1);
            slices.add(new Slice(start, end, true));
        }
        return slices;
    }

    /**
     * The shortest span a slice may cover: long enough that the pages it re-reads cost at most
     * {@link #MAX_REREAD_SHARE} of the requests its own records bring. Where each record brings requests of its
     * own (a contact's notes), a re-read page is a small part of the work and slices may be as short as the
     * source allows; where a page is all the work, re-read pages would be, so slices stay long.
     */
    Duration minimumSpan(int recordsOnPage) {
        double requestsPerPage = 1 + Math.max(0, recordsOnPage * requestsPerRecord.getAsDouble());
        long byReread = (long) (shape.reread().getSeconds() / (MAX_REREAD_SHARE * requestsPerPage));
        return Duration.ofSeconds(Math.max(shape.shortest().getSeconds(), Math.max(1, byReread)));
    }

    /** The pages Intercom says remain after this one ("pages": {"page": P, "total_pages": T}), if it says. */
    static OptionalLong pagesLeft(Page page) {
        JsonNode pages = page.response().path("pages");
        if (!pages.path("page").canConvertToLong() || !pages.path("total_pages").isNumber()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Math.max(0, pages.path("total_pages").asLong() - pages.path("page").asLong()));
    }
}
