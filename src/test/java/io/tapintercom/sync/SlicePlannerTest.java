package io.tapintercom.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tapintercom.streams.SliceShape;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class SlicePlannerTest {
    static final Instant AT = Instant.parse("2025-01-01T00:00:00Z");
    static final Instant TO = Instant.parse("2026-01-01T00:00:00Z");
    /** To the second: nothing read twice, an hour at least. */
    static final SliceShape EXACT = new SliceShape(Duration.ofHours(1), Duration.ZERO);
    /** Contacts' day-granular search: whole days, so up to a day more at each end. */
    static final SliceShape BY_DAY = new SliceShape(Duration.ofDays(1), Duration.ofDays(2));

    static SlicePlanner planner(SliceShape shape) {
        return new SlicePlanner(() -> 16, shape, () -> 0);
    }

    @Test
    void aLongReadIsCutIntoOneSlicePerFreeSlotCoveringTheRestExactly() {
        List<Slice> parts = planner(EXACT).split(AT, TO, OptionalLong.of(1000), 1, 150);

        assertEquals(16, parts.size());
        assertEquals(AT, parts.get(0).from());
        assertEquals(TO, parts.get(15).to());
        for (int i = 1; i < parts.size(); i++) {
            assertEquals(parts.get(i - 1).to().plusSeconds(1), parts.get(i).from(), "slices meet without gap or overlap");
        }
        assertTrue(parts.stream().allMatch(p -> p.window().slice()), "a slice asks for its upper bound");
    }

    @Test
    void theSlicesAreLimitedByFreeSlotsPagesAndSpan() {
        SlicePlanner planner = planner(BY_DAY);
        assertEquals(4, planner.split(AT, TO, OptionalLong.of(1000), 13, 150).size(), "3 free slots and this one's");
        assertEquals(5, planner.split(AT, TO, OptionalLong.of(20), 1, 150).size(), "at least 4 pages a slice");
        assertEquals(2, planner.split(AT, AT.plus(Duration.ofDays(15)), OptionalLong.of(1000), 1, 150).size(),
                "about a week at least when the pages are all the requests");
    }

    @Test
    void whereEachRecordBringsRequestsOfItsOwnADayGranularReadIsCutIntoDays() {
        AtomicReference<Double> requestsPerRecord = new AtomicReference<>(0.0);
        SlicePlanner planner = new SlicePlanner(() -> 64, BY_DAY, requestsPerRecord::get);
        Instant fortnight = AT.plus(Duration.ofDays(14));

        assertEquals(2, planner.split(AT, fortnight, OptionalLong.of(1000), 1, 150).size(), "re-read pages would be most requests");
        requestsPerRecord.set(1.0); // a contact's notes: 150 requests a page besides the page's own
        assertEquals(14, planner.split(AT, fortnight, OptionalLong.of(1000), 1, 150).size(), "one slice a day");
        assertEquals(Duration.ofDays(1), planner.minimumSpan(150), "never less than a day: two slices would read the same day");
    }

    @Test
    void theShortestSpanKeepsReReadPagesWithinTheirShareOfTheRequests() {
        AtomicReference<Double> requestsPerRecord = new AtomicReference<>(0.0);
        SlicePlanner planner = new SlicePlanner(() -> 16, BY_DAY, requestsPerRecord::get);
        // 2 days re-read per slice, at most 30% of its requests: a page and nothing else, 6 days and 16 hours.
        assertEquals(Duration.ofSeconds((long) (2 * 86400 / 0.3)), planner.minimumSpan(150));
        // One request for every tenth record: 16 requests a page, 10 hours re-read... but a day at least.
        requestsPerRecord.set(0.1);
        assertEquals(Duration.ofDays(1), planner.minimumSpan(150));
        // One request for every hundredth record, 2.5 a page: two days and 16 hours.
        requestsPerRecord.set(0.01);
        assertEquals(Duration.ofSeconds((long) (2 * 86400 / (0.3 * 2.5))), planner.minimumSpan(150));
        // An empty page says nothing of the records to come: a page's own request is all it costs.
        assertEquals(Duration.ofSeconds((long) (2 * 86400 / 0.3)), planner.minimumSpan(0));
    }

    @Test
    void aShortReadGoesOnWithItsOneCursor() {
        SlicePlanner planner = planner(EXACT);
        assertEquals(List.of(), planner.split(AT, TO, OptionalLong.of(7), 1, 150), "fewer than two slices' worth of pages");
        assertEquals(List.of(), planner.split(AT, TO, OptionalLong.empty(), 1, 150), "Intercom did not say how many pages");
        assertEquals(List.of(), planner.split(AT, TO, OptionalLong.of(1000), 16, 150), "no free slot");
        assertEquals(List.of(), planner.split(TO, TO, OptionalLong.of(1000), 1, 150), "nothing left to cut");
    }

    @Test
    void pagesLeftComeFromIntercomsPageCounts() {
        assertEquals(OptionalLong.of(30), SlicePlanner.pagesLeft(MemorySource.page(List.of(), 4, 34, 5000)));
    }
}
