package io.tapintercom.sync;

import com.fasterxml.jackson.databind.JsonNode;
import io.tapintercom.intercom.pagination.Page;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.IntSupplier;

/**
 * Decides when the rest of a slice is worth reading as several slices at once. A search reads one
 * page at a time, so a long read is as slow as its page count times the latency; cut into N slices
 * read concurrently, it takes about 1/N of that. After each page the planner looks at what remains
 * (the pages Intercom says are left) and, when slots are free, cuts the rest of the slice into equal
 * spans of time: at most one slice per free slot, at least {@link #MIN_PAGES} pages each, and no span
 * shorter than the source's minimum (a day-granular search re-reads a day at each end of a slice).
 * A slice that turns out dense is cut again when a slot frees up, so uneven data still spreads out.
 */
final class SlicePlanner {
    /** Fewer pages than this per slice is not worth a cursor of its own. */
    static final int MIN_PAGES = 4;

    private final IntSupplier maxSlices;
    private final Duration minimumSpan;

    /**
     * @param maxSlices   slices read at once: the requests the client may have in flight now (it follows the
     *                    rate budget and the latency), since each open slice keeps one page request in flight
     * @param minimumSpan the shortest span a slice may cover
     */
    SlicePlanner(IntSupplier maxSlices, Duration minimumSpan) {
        this.maxSlices = maxSlices;
        this.minimumSpan = minimumSpan;
    }

    /**
     * The slices to read the rest of a slice with, from {@code at} (the highest value read so far,
     * inclusive) to {@code to}; empty to go on with the one cursor.
     * @param open slices open now, this one included
     */
    List<Slice> split(Instant at, Instant to, OptionalLong pagesLeft, long open) {
        if (pagesLeft.isEmpty() || !at.isBefore(to)) {
            return List.of();
        }
        long bySlots = Math.max(1, maxSlices.getAsInt()) - open + 1;
        long byPages = pagesLeft.getAsLong() / MIN_PAGES;
        long bySpan = Duration.between(at, to).getSeconds() / Math.max(1, minimumSpan.getSeconds());
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

    /** The pages Intercom says remain after this one ("pages": {"page": P, "total_pages": T}), if it says. */
    static OptionalLong pagesLeft(Page page) {
        JsonNode pages = page.response().path("pages");
        if (!pages.path("page").canConvertToLong() || !pages.path("total_pages").isNumber()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Math.max(0, pages.path("total_pages").asLong() - pages.path("page").asLong()));
    }
}
