package io.tapintercom.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SlicesTest {
    static Instant day(int n) {
        return Instant.parse("2026-01-01T00:00:00Z").plusSeconds(86_400L * n);
    }

    @Test
    void theBookmarkFollowsTheContiguousPrefixOfFinishedSlicesWhateverOrderTheyFinishIn() {
        Slice whole = new Slice(day(0), day(100), false);
        Slices slices = new Slices(whole);
        whole.written(day(5));
        Slice a = new Slice(day(5), day(39), true);
        Slice b = new Slice(day(40), day(69), true);
        Slice c = new Slice(day(70), day(100), true);
        slices.split(whole, List.of(a, b, c));
        whole.end();
        assertEquals(day(5).minusSeconds(1), whole.to(), "the cut slice ends where the first part starts");
        assertEquals(Optional.of(day(5)), slices.bookmark());

        c.written(day(90));
        c.end();
        b.written(day(50));
        assertEquals(Optional.of(day(5)), slices.bookmark(), "later slices moving do not move the bookmark");

        a.written(day(20));
        assertEquals(Optional.of(day(20)), slices.bookmark(), "inside the first open slice: its highest value written");

        a.end();
        assertEquals(Optional.of(day(50)), slices.bookmark(), "a finished, b open: b's highest value");

        b.written(day(60));
        b.end();
        assertEquals(Optional.of(day(90)), slices.bookmark(), "all finished: the highest value written anywhere");
        assertEquals(0, slices.open());
    }

    @Test
    void nothingWrittenFromTheStartMeansNoBookmark() {
        Slice whole = new Slice(day(0), day(100), false);
        Slices slices = new Slices(whole);
        Slice a = new Slice(day(0), day(49), true);
        Slice b = new Slice(day(50), day(100), true);
        slices.split(whole, List.of(a, b));
        whole.end();
        b.written(day(60));
        b.end();

        assertEquals(Optional.empty(), slices.bookmark());
    }

    @Test
    void anEmptySliceInThePrefixLetsTheBookmarkReachTheNextOnesValues() {
        Slice whole = new Slice(day(0), day(100), false);
        Slices slices = new Slices(whole);
        whole.written(day(1));
        Slice a = new Slice(day(1), day(49), true);
        Slice b = new Slice(day(50), day(100), true);
        slices.split(whole, List.of(a, b));
        whole.end();
        a.end();
        b.written(day(70));

        assertEquals(Optional.of(day(70)), slices.bookmark());
    }
}
