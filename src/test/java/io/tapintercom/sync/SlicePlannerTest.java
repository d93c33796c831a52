package io.tapintercom.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class SlicePlannerTest {
    static final Instant AT = Instant.parse("2025-01-01T00:00:00Z");
    static final Instant TO = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void aLongReadIsCutIntoOneSlicePerFreeSlotCoveringTheRestExactly() {
        List<Slice> parts = new SlicePlanner(() -> 16, Duration.ofHours(1)).split(AT, TO, OptionalLong.of(1000), 1);

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
        SlicePlanner planner = new SlicePlanner(() -> 16, Duration.ofDays(7));
        assertEquals(4, planner.split(AT, TO, OptionalLong.of(1000), 13).size(), "3 free slots and this one's");
        assertEquals(5, planner.split(AT, TO, OptionalLong.of(20), 1).size(), "at least 4 pages a slice");
        assertEquals(2, planner.split(AT, AT.plus(Duration.ofDays(15)), OptionalLong.of(1000), 1).size(), "a week at least");
    }

    @Test
    void aShortReadGoesOnWithItsOneCursor() {
        SlicePlanner planner = new SlicePlanner(() -> 16, Duration.ofHours(1));
        assertEquals(List.of(), planner.split(AT, TO, OptionalLong.of(7), 1), "fewer than two slices' worth of pages");
        assertEquals(List.of(), planner.split(AT, TO, OptionalLong.empty(), 1), "Intercom did not say how many pages");
        assertEquals(List.of(), planner.split(AT, TO, OptionalLong.of(1000), 16), "no free slot");
        assertEquals(List.of(), planner.split(TO, TO, OptionalLong.of(1000), 1), "nothing left to cut");
    }

    @Test
    void pagesLeftComeFromIntercomsPageCounts() {
        assertEquals(OptionalLong.of(30), SlicePlanner.pagesLeft(MemorySource.page(List.of(), 4, 34, 5000)));
    }
}
