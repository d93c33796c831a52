package io.tapintercom.intercom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tapintercom.intercom.http.HttpReply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The pacing arithmetic, on a clock that only moves when the limiter "sleeps". */
class RateLimiterTest {
    private static final long MARGIN = RateLimiter.RESET_MARGIN.toMillis();

    private TestClock clock;
    private RecordingSleeper sleeper;
    private RateLimiter limiter;
    private long t0;

    @BeforeEach
    void setUp() {
        clock = new TestClock();
        sleeper = new RecordingSleeper(clock);
        limiter = new RateLimiter(clock, sleeper, io.tapintercom.singer.Logger.discarding());
        t0 = clock.epochSeconds();
    }

    static HttpReply reply(int status, Long limit, Long remaining, Long resetEpochSeconds) {
        Map<String, String> headers = new HashMap<>();
        if (limit != null) {
            headers.put("X-RateLimit-Limit", limit.toString());
        }
        if (remaining != null) {
            // Lower case, as HTTP/2 servers send it: the lookup must not care.
            headers.put("x-ratelimit-remaining", remaining.toString());
        }
        if (resetEpochSeconds != null) {
            headers.put("X-RateLimit-Reset", resetEpochSeconds.toString());
        }
        return new HttpReply(status, headers, new byte[0]);
    }

    static HttpReply ok(long limit, long remaining, long resetEpochSeconds) {
        return reply(200, limit, remaining, resetEpochSeconds);
    }

    private void acquireTimes(int n) throws InterruptedException {
        for (int i = 0; i < n; i++) {
            limiter.acquire();
        }
    }

    @Test
    void withoutAnyHeadersItNeverWaits() throws InterruptedException {
        acquireTimes(1000);
        limiter.observe(reply(200, null, null, null));
        acquireTimes(1000);

        assertEquals(List.of(), sleeper.sleeps());
        assertEquals(-1, limiter.limit());
    }

    @Test
    void requestsBookedBeforeAnyBudgetWasKnownAreTakenFromTheFirstBudgetLearned() throws InterruptedException {
        acquireTimes(16); // the sync's first requests, sent at once with no budget known
        // The answer to the first: Intercom had counted 15 of the 16 when it answered.
        limiter.observe(ok(1666, 1651, t0 + 10), 1);

        acquireTimes(1651 - 15);
        assertEquals(List.of(), sleeper.sleeps(), "the count less the 15 booked after the answered one");
        limiter.acquire();
        assertEquals(1, sleeper.sleeps().size(), "then the window is spent: 16 + 1,636 of 1,666, never more");
    }

    /**
     * Requests overtake each other on the way: the first answer can be to the last request booked blind while some
     * booked before it have not reached Intercom yet. Taking only those booked after the answered one left two 429s
     * in the first window of some budget runs at 200 ms.
     */
    @Test
    void requestsBookedBlindBeforeTheAnsweredOneMayNotBeCountedYetEither() {
        for (int i = 0; i < 16; i++) {
            assertEquals(Duration.ZERO, limiter.tryAcquire());
        }
        // The answer to the 16th: two of the 15 sent before it were still on their way, so Intercom had counted 14.
        limiter.observe(ok(1666, 1652, t0 + 10), 16);

        int granted = 0;
        while (limiter.tryAcquire().isZero() && granted < 2_000) {
            granted++;
        }
        assertTrue(16 + granted <= 1666, (16 + granted) + " requests in a window of 1,666");
    }

    @Test
    void spendsTheRemainingBudgetThenWaitsUntilResetPlusMargin() throws InterruptedException {
        limiter.observe(ok(83, 3, t0 + 6));

        acquireTimes(3);
        assertEquals(List.of(), sleeper.sleeps(), "three requests were left in the window");

        limiter.acquire();
        assertEquals(List.of(Duration.ofMillis(6000 + MARGIN)), sleeper.sleeps());
        assertEquals((t0 + 6) * 1000 + MARGIN, clock.millis(), "it resumed at the reset plus the margin");
        assertEquals(83, limiter.limit());

        // The new window's budget is the announced limit; the request just made is the first of it.
        acquireTimes(82);
        assertEquals(1, sleeper.sleeps().size());
        assertTrue(limiter.tryAcquire().compareTo(Duration.ZERO) > 0, "the 84th request of the window waits");
    }

    @Test
    void theWaitIsMeasuredFromNowNotFromWhenTheHeadersCame() {
        limiter.observe(ok(10, 0, t0 + 10));
        clock.advance(Duration.ofMillis(7_500));

        assertEquals(Duration.ofMillis(2_500 + MARGIN), limiter.tryAcquire());
    }

    @Test
    void leftoversOfAWindowAreNotSpentWithinTheMarginAfterItsReset() {
        limiter.observe(ok(10, 5, t0 + 2));
        clock.advance(Duration.ofMillis(2_100));

        // Intercom may already count a request sent now in the next window, which is about to be refilled.
        assertEquals(Duration.ofMillis(MARGIN - 100), limiter.tryAcquire());
        clock.advance(Duration.ofMillis(MARGIN - 100));
        for (int i = 0; i < 10; i++) {
            assertEquals(Duration.ZERO, limiter.tryAcquire(), "request " + (i + 1) + " of the new window");
        }
        assertTrue(limiter.tryAcquire().compareTo(Duration.ZERO) > 0);
    }

    @Test
    void anAnswerAboutAWindowThatIsAlreadyOverIsIgnored() {
        limiter.observe(ok(10, 10, t0 + 1));
        clock.advance(Duration.ofMillis(30_000));
        limiter.observe(ok(10, 0, t0 + 20)); // ended 10 s ago

        assertEquals(Duration.ZERO, limiter.tryAcquire());
    }

    @Test
    void aNewWindowsHeadersRefillTheBudget() {
        limiter.observe(ok(10, 0, t0 + 2));
        assertEquals(Duration.ofMillis(2_000 + MARGIN), limiter.tryAcquire());

        // Intercom's clock turned over first: a response already counts in the next window.
        limiter.observe(ok(10, 5, t0 + 12));
        for (int i = 0; i < 5; i++) {
            assertEquals(Duration.ZERO, limiter.tryAcquire(), "request " + (i + 1) + " of the new window");
        }
        assertEquals(Duration.ofMillis(12_000 + MARGIN), limiter.tryAcquire());
    }

    @Test
    void outOfOrderResponsesInOneWindowKeepTheLowestRemaining() {
        long reset = t0 + 8;
        limiter.observe(ok(100, 5, reset));
        limiter.observe(ok(100, 3, reset));
        limiter.observe(ok(100, 4, reset)); // sent before the "3" one, arrived after it

        for (int i = 0; i < 3; i++) {
            assertEquals(Duration.ZERO, limiter.tryAcquire());
        }
        limiter.observe(ok(100, 2, reset)); // older news than our own count of 0
        assertEquals(Duration.ofMillis(8_000 + MARGIN), limiter.tryAcquire());
    }

    @Test
    void requestsBookedBeforeANewWindowsFirstAnswerAreNotForgotten() {
        limiter.observe(ok(10, 0, t0 + 1));
        clock.advance(Duration.ofMillis(1_000 + MARGIN));
        for (int i = 0; i < 6; i++) {
            assertEquals(Duration.ZERO, limiter.tryAcquire()); // six in flight in the new window
        }
        // The first answer of the new window was the first request sent in it: it cannot know of the other five.
        limiter.observe(ok(10, 9, t0 + 11));

        for (int i = 0; i < 4; i++) {
            assertEquals(Duration.ZERO, limiter.tryAcquire());
        }
        assertEquals(Duration.ofMillis(10_000), limiter.tryAcquire(), "ten booked: wait for the reset at t0+11 s");
    }

    @Test
    void requestsBookedAtAWindowsEndButCountedInTheNextAreNotSpentTwice() throws InterruptedException {
        limiter.observe(ok(100, 5, t0 + 1));
        long[] late = new long[5];
        for (int i = 0; i < late.length; i++) {
            late[i] = limiter.acquire(); // the old window's last five
        }
        clock.advance(Duration.ofMillis(1_000 + MARGIN)); // the limiter turns over: 100 for the new window
        acquireTimes(20);

        // The five went out late (a collection pause, a busy CPU) and reached Intercom after its window turned: it
        // counted them in the new one, before any of the twenty.
        for (int i = 0; i < late.length; i++) {
            limiter.observe(ok(100, 99 - i, t0 + 11), late[i]);
        }

        int granted = 0;
        while (limiter.tryAcquire().isZero() && granted < 200) {
            granted++;
        }
        assertEquals(75, granted, "the new window's 100, less the 5 late ones and the 20 booked in it");
    }

    @Test
    void anAnswerOfTheWindowItWasBookedInTakesNothingMore() throws InterruptedException {
        limiter.observe(ok(100, 5, t0 + 1));
        long late = limiter.acquire();
        long onTime = limiter.acquire();
        clock.advance(Duration.ofMillis(1_000 + MARGIN));
        acquireTimes(20);
        limiter.observe(ok(100, 3, t0 + 1), onTime); // counted in the window it was booked in
        limiter.observe(ok(100, 99, t0 + 11), late);

        int granted = 0;
        while (limiter.tryAcquire().isZero() && granted < 200) {
            granted++;
        }
        assertEquals(79, granted);
    }

    @Test
    void aLateAnswerFromAFinishedWindowDoesNotReopenIt() {
        long firstReset = t0 + 1;
        limiter.observe(ok(10, 2, firstReset));
        assertEquals(Duration.ZERO, limiter.tryAcquire());
        assertEquals(Duration.ZERO, limiter.tryAcquire()); // both in flight as the window closes
        clock.advance(Duration.ofMillis(1_000 + MARGIN));
        for (int i = 0; i < 5; i++) {
            assertEquals(Duration.ZERO, limiter.tryAcquire()); // five in the new window
        }

        // The two requests of the old window answer only now.
        limiter.observe(ok(10, 1, firstReset));
        limiter.observe(ok(10, 0, firstReset));

        int granted = 0;
        while (limiter.tryAcquire().isZero() && granted < 100) {
            granted++;
        }
        assertEquals(5, granted, "the new window has 10, 5 of them already booked");
    }

    @Test
    void aLateFirstAnswerCorrectsAGuessedWindowEnd() {
        limiter.observe(ok(3, 0, t0 + 1));
        clock.advance(Duration.ofMillis(1_000 + MARGIN));
        for (int i = 0; i < 3; i++) {
            assertEquals(Duration.ZERO, limiter.tryAcquire());
        }
        // Budget spent before any answer said when this window ends: the limiter assumes a whole window...
        assertEquals(Duration.ofMillis(10_000 + MARGIN), limiter.tryAcquire());
        // ...until an answer says when it really ends.
        limiter.observe(ok(3, 0, t0 + 11));

        assertEquals(Duration.ofMillis((11_000 + MARGIN) - (1_000 + MARGIN)), limiter.tryAcquire());
    }

    @Test
    void a429WithHeadersWaitsForItsReset() throws InterruptedException {
        limiter.observe(ok(167, 50, t0 + 4));
        limiter.observe(reply(429, 167L, 0L, t0 + 4));

        limiter.acquire();

        assertEquals(List.of((t0 + 4) * 1000 + MARGIN), sleeper.wakeMillis());
    }

    @Test
    void a429WithoutHeadersWaitsAWholeWindow() throws InterruptedException {
        limiter.observe(ok(167, 50, t0 + 4));
        limiter.observe(reply(429, null, null, null));

        limiter.acquire();

        assertEquals(List.of(Duration.ofMillis(10_000 + MARGIN)), sleeper.sleeps());
    }

    @Test
    void a429WhoseResetHasAlreadyPassedStillWaitsAMoment() {
        limiter.observe(reply(429, 167L, 0L, t0 - 1));

        Duration wait = limiter.tryAcquire();

        assertEquals(RateLimiter.PAUSE_AFTER_429.plus(RateLimiter.RESET_MARGIN), wait,
                "a short wait, never an immediate hammering retry");
    }

    /** Every answer looks late when this machine's clock is far ahead of Intercom's: still no more than the limit a window. */
    @Test
    void withEveryAnswerLateTheLimiterStillPacesInWindowsOfItsOwn() {
        limiter.observe(reply(429, 10L, 0L, t0 - 30));
        long until = clock.millis() + 35_000;
        int granted = 0;
        while (clock.millis() < until && granted <= 1_000) {
            Duration wait = limiter.tryAcquire();
            if (wait.isZero()) {
                granted++;
                limiter.observe(ok(10, 5, t0 - 30)); // late, like every answer
            } else {
                clock.advance(wait);
            }
        }
        assertTrue(granted >= 10 && granted <= 40, granted + " requests in 35 s at 10 a window");
    }

    /**
     * A request of a finished window refused late, after this limiter moved to the next window by its own clock:
     * Intercom counted one too many in the old window, which says nothing of the new one. It once zeroed the new
     * window and guessed it over a second later, handing out a second whole budget within one real window: the
     * window's limit in 429s (52 to 256 of them in the fault suite's tight-rate-limit sync).
     */
    @Test
    void aLate429PausesButHandsOutNoSecondBudgetInTheWindowUnderWay() {
        limiter.observe(ok(10, 10, t0 + 1));
        clock.advance(Duration.ofMillis(1_000 + MARGIN)); // the window is over by this clock
        for (int i = 0; i < 4; i++) {
            assertEquals(Duration.ZERO, limiter.tryAcquire());
        }

        limiter.observe(reply(429, 10L, 0L, t0 + 1));

        assertTrue(limiter.tryAcquire().compareTo(Duration.ofMillis(1_000)) >= 0, "a short wait after any 429");
        long windowEnds = clock.millis() + 8_000;
        int granted = 0;
        while (clock.millis() < windowEnds) {
            Duration wait = limiter.tryAcquire();
            if (wait.isZero()) {
                granted++;
            } else {
                clock.advance(wait);
            }
        }
        assertEquals(6, granted, "10 in the window, 4 booked before the late 429");
    }

    @Test
    void unparsableHeadersAreIgnored() {
        limiter.observe(reply(200, 10L, 0L, t0 + 5));
        Map<String, String> junk = Map.of("X-RateLimit-Limit", "lots", "X-RateLimit-Remaining", "",
                "X-RateLimit-Reset", "soon");
        limiter.observe(new HttpReply(200, junk, new byte[0]));

        assertEquals(Duration.ofMillis(5_000 + MARGIN), limiter.tryAcquire());
        assertEquals(10, limiter.limit());
    }

    /**
     * Eight threads share one limiter and a simulated Intercom that counts requests per fixed 10-second
     * window and answers with the headers. No window may ever see more requests than its limit.
     */
    @Test
    void concurrentAcquiresNeverExceedTheBudgetOfAWindow() throws Exception {
        int limit = 7;
        int threads = 8;
        int perThread = 40;
        Map<Long, AtomicInteger> perWindow = new ConcurrentHashMap<>();
        long firstWindow = clock.millis() / 10_000;
        limiter.observe(ok(limit, limit, (firstWindow + 1) * 10));

        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    for (int i = 0; i < perThread; i++) {
                        long booked = acquireAndNoteWhen();
                        long window = booked / 10_000;
                        int count = perWindow.computeIfAbsent(window, w -> new AtomicInteger()).incrementAndGet();
                        Thread.yield(); // let answers arrive out of order
                        limiter.observe(ok(limit, Math.max(0, limit - count), (window + 1) * 10));
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(10, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        int total = perWindow.values().stream().mapToInt(AtomicInteger::get).sum();
        assertEquals(threads * perThread, total);
        perWindow.forEach((window, count) ->
                assertTrue(count.get() <= limit, "window " + window + " got " + count.get() + " requests"));
        assertTrue(perWindow.size() >= threads * perThread / limit, "the windows were used, not skipped");
    }

    /** acquire(), returning the clock reading the limiter booked the request at. */
    private long acquireAndNoteWhen() throws InterruptedException {
        while (true) {
            // Both under the lock tryAcquire takes, and the clock only moves under it too (below), so "now"
            // is exactly the reading the limiter booked the request at.
            synchronized (limiter) {
                long now = clock.millis();
                Duration wait = limiter.tryAcquire();
                if (wait.isZero()) {
                    return now;
                }
                sleeper.sleep(wait);
            }
        }
    }
}
