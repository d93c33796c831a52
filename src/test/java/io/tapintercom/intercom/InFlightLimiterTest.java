package io.tapintercom.intercom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The requests in flight follow budget x latency (Little's law), measured on an injected clock. */
class InFlightLimiterTest {
    /** Intercom's default budget: 1,666 requests per 10 seconds. */
    private static final double INTERCOM_DEFAULT = 166.6;

    private final TestClock clock = new TestClock();

    private InFlightLimiter limiter(double allowedPerSecond, int ceiling) {
        return new InFlightLimiter(clock, () -> allowedPerSecond, ceiling);
    }

    /** Sends one request that Intercom answers after {@code latency}. */
    private void request(InFlightLimiter limiter, Duration latency) throws InterruptedException {
        try (InFlightLimiter.Permit permit = limiter.acquire()) {
            permit.sending();
            clock.advance(latency);
            permit.answered();
        }
    }

    private void requests(InFlightLimiter limiter, int count, Duration latency) throws InterruptedException {
        for (int i = 0; i < count; i++) {
            request(limiter, latency);
        }
    }

    @Test
    void beforeAnyAnswerItStartsSmall() {
        assertEquals(InFlightLimiter.INITIAL, limiter(INTERCOM_DEFAULT, 200).limit());
        assertEquals(2, limiter(INTERCOM_DEFAULT, 2).limit(), "never above the ceiling");
    }

    @Test
    void keepsBudgetTimesLatencyInFlightWithHeadroomSoTheBudgetIsUsedAtAnyLatency() throws InterruptedException {
        for (int latency : new int[] {50, 100, 200, 400, 800}) {
            InFlightLimiter limiter = limiter(INTERCOM_DEFAULT, 1000);
            requests(limiter, 5, Duration.ofMillis(latency));

            int expected = (int) Math.ceil(INTERCOM_DEFAULT * latency / 1000.0 * InFlightLimiter.HEADROOM);
            assertEquals(expected, limiter.limit(), "at " + latency + " ms");
            // Little's law: that many in flight at that latency make at least the budget's rate.
            assertTrue(limiter.limit() / (latency / 1000.0) >= INTERCOM_DEFAULT, "at " + latency + " ms");
        }
    }

    @Test
    void followsTheLatencyAsItChanges() throws InterruptedException {
        InFlightLimiter limiter = limiter(INTERCOM_DEFAULT, 1000);
        requests(limiter, 5, Duration.ofMillis(100));
        int fast = limiter.limit();

        requests(limiter, 60, Duration.ofMillis(800));
        int slow = limiter.limit();
        requests(limiter, 60, Duration.ofMillis(100));

        assertEquals(25, fast);
        assertTrue(slow > 190 && slow <= 200, "at 800 ms about 166.6 x 0.8 x 1.5 = 200 in flight: " + slow);
        assertTrue(limiter.limit() < 30, "back near 25 once Intercom is quick again: " + limiter.limit());
    }

    @Test
    void theCeilingBoundsItAndTheFloorKeepsAFewInFlight() throws InterruptedException {
        InFlightLimiter capped = limiter(INTERCOM_DEFAULT, 32);
        requests(capped, 5, Duration.ofMillis(800));
        InFlightLimiter quick = limiter(INTERCOM_DEFAULT, 200);
        requests(quick, 5, Duration.ZERO);

        assertEquals(32, capped.limit());
        assertEquals(InFlightLimiter.FLOOR, quick.limit());
    }

    @Test
    void withNoBudgetAnnouncedTheCeilingIsTheLimit() throws InterruptedException {
        InFlightLimiter limiter = limiter(Double.NaN, 48);
        requests(limiter, 3, Duration.ofMillis(100));

        assertEquals(48, limiter.limit());
    }

    @Test
    void aRequestWithoutAnAnswerTeachesNothingAboutLatency() throws InterruptedException {
        InFlightLimiter limiter = limiter(INTERCOM_DEFAULT, 200);
        requests(limiter, 3, Duration.ofMillis(100));
        try (InFlightLimiter.Permit timedOut = limiter.acquire()) {
            timedOut.sending();
            clock.advance(Duration.ofSeconds(300));
        }

        assertEquals(100.0, limiter.latencyMillis(), 1e-9);
        assertEquals(0, limiter.inFlight(), "its place is free again");
    }

    @Test
    void aPermitClosedTwiceFreesOnePlace() throws InterruptedException {
        InFlightLimiter limiter = limiter(INTERCOM_DEFAULT, 200);
        InFlightLimiter.Permit first = limiter.acquire();
        limiter.acquire();

        first.close();
        first.close();

        assertEquals(1, limiter.inFlight());
    }

    @Test
    void aRequestBeyondTheLimitWaitsForAPlaceAndGetsTheOneFreed() throws Exception {
        InFlightLimiter limiter = limiter(INTERCOM_DEFAULT, 1);
        InFlightLimiter.Permit held = limiter.acquire();
        AtomicReference<Thread> waiter = new AtomicReference<>();
        CompletableFuture<InFlightLimiter.Permit> second = CompletableFuture.supplyAsync(() -> {
            waiter.set(Thread.currentThread());
            try {
                return limiter.acquire();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        awaitWaiting(waiter);

        assertFalse(second.isDone(), "one in flight is the ceiling");
        held.close();
        second.get().close();
        assertEquals(0, limiter.inFlight());
    }

    @Test
    void aWaitingRequestCanBeInterrupted() throws Exception {
        InFlightLimiter limiter = limiter(INTERCOM_DEFAULT, 1);
        limiter.acquire();
        AtomicReference<Thread> waiter = new AtomicReference<>();
        CompletableFuture<Boolean> interrupted = CompletableFuture.supplyAsync(() -> {
            waiter.set(Thread.currentThread());
            try {
                limiter.acquire();
                return false;
            } catch (InterruptedException e) {
                return true;
            }
        });
        awaitWaiting(waiter);
        waiter.get().interrupt();

        assertTrue(interrupted.get());
        assertEquals(1, limiter.inFlight());
    }

    @Test
    void aCeilingBelowOneIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> limiter(INTERCOM_DEFAULT, 0));
    }

    /** Until the thread is parked in acquire (no time is asserted: it is only waited for). */
    private static void awaitWaiting(AtomicReference<Thread> waiter) throws InterruptedException {
        while (waiter.get() == null || waiter.get().getState() != Thread.State.WAITING) {
            Thread.sleep(1);
        }
    }
}
