package io.tapintercom.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tapintercom.intercom.TestClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PageDemandTest {
    private final TestClock clock = new TestClock();
    private final PageDemand demand = new PageDemand(clock);

    /** A page asked for one latency ago that the group takes now. */
    private void takeOne(long latencyMillis) {
        demand.taken(clock.millis() - latencyMillis, clock.millis());
    }

    @Test
    void beforeAnyPageAFewPages() {
        assertEquals(PageDemand.START, demand.pages());
    }

    @Test
    void aGroupThatTakesPagesAsTheyComeMakesRoomForTwoMorePagesPerPage() {
        int pages = demand.pages();
        // Every open slice's page arrives within one latency of 800 ms, and the group takes each at once.
        for (int round = 0; round < 4; round++) {
            int open = pages;
            long elapsed = 0;
            for (int i = 1; i <= open; i++) {
                long at = 800L * i / open;
                clock.advance(Duration.ofMillis(at - elapsed));
                elapsed = at;
                takeOne(800);
            }
            pages = demand.pages();
            assertEquals(PageDemand.START + 2 * open, pages, "round " + round);
        }
    }

    @Test
    void aGroupThatTakesAPageASecondAtAPageLatencyOf800MsNeedsFewPagesHoweverLongTheRead() {
        for (int page = 0; page < 500; page++) {
            clock.advance(Duration.ofMillis(1_000));
            takeOne(800);
            assertEquals(PageDemand.START + 2, demand.pages(), "page " + page);
        }
    }

    @Test
    void slowerPagesLeaveMoreOfTheGroupsTakesWithinOneLatency() {
        for (int page = 0; page < 50; page++) {
            clock.advance(Duration.ofMillis(500));
            takeOne(3_000);
        }
        // Two pages a second, each 3 s on its way: six within one latency.
        assertEquals(PageDemand.START + 2 * 6, demand.pages());
    }
}
