package io.tapintercom.intercom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RetryPolicyTest {
    private static final RetryPolicy POLICY = RetryPolicy.standard(5); // base 1 s, cap 60 s

    /** A Random whose nextDouble is always the given value, to pin the jitter to its extremes. */
    private static Random fixed(double value) {
        return new Random() {
            @Override
            public double nextDouble() {
                return value;
            }
        };
    }

    @Test
    void everyBackoffIsBetweenHalfAndAllOfBaseTimesTwoToTheRetryMinusOneCapped() {
        Random random = new Random(42);
        for (int retry = 1; retry <= 12; retry++) {
            long ceiling = Math.min(60_000, 1000L << (retry - 1));
            for (int sample = 0; sample < 200; sample++) {
                long waited = POLICY.backoff(retry, random).toMillis();
                assertTrue(waited >= ceiling / 2 && waited <= ceiling,
                        "retry " + retry + " waited " + waited + " ms, outside [" + ceiling / 2 + ", " + ceiling + "]");
            }
        }
    }

    @Test
    void theJitterSpansTheWholeRangeAtItsExtremes() {
        assertEquals(Duration.ofMillis(500), POLICY.backoff(1, fixed(0.0)));
        assertEquals(Duration.ofMillis(1000), POLICY.backoff(1, fixed(1.0)));
        assertEquals(Duration.ofMillis(2000), POLICY.backoff(3, fixed(0.0)));
        assertEquals(Duration.ofMillis(4000), POLICY.backoff(3, fixed(1.0)));
    }

    @Test
    void theCapHoldsForLateRetriesWithoutOverflow() {
        for (int retry : new int[] {7, 8, 20, 21, 40, 63, 64, 1000, Integer.MAX_VALUE}) {
            long low = POLICY.backoff(retry, fixed(0.0)).toMillis();
            long high = POLICY.backoff(retry, fixed(0.999_999)).toMillis();
            assertEquals(30_000, low, "retry " + retry);
            assertTrue(high <= 60_000 && high >= 59_000, "retry " + retry + ": " + high);
        }
    }

    @Test
    void jitterSpreadsThreadsThatFailTogether() {
        Set<Duration> waits = new HashSet<>();
        Random random = new Random(7);
        for (int i = 0; i < 20; i++) {
            waits.add(POLICY.backoff(4, random));
        }
        assertTrue(waits.size() > 10, "20 threads retrying together should mostly wait different times: " + waits);
    }

    @Test
    void aTinyBaseNeverGivesAZeroWait() {
        RetryPolicy tiny = new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(1), Duration.ofMillis(1),
                Duration.ofSeconds(1));
        assertEquals(Duration.ofMillis(1), tiny.backoff(1, fixed(0.0)));
    }

    @Test
    void theStandardPolicy() {
        RetryPolicy standard = RetryPolicy.standard(3);
        assertEquals(3, standard.maxRetries());
        assertTrue(standard.scrollBusyWait().compareTo(Duration.ofSeconds(60)) > 0,
                "an abandoned scroll expires after a minute idle");
    }

    @ParameterizedTest
    @ValueSource(ints = {408, 500, 502, 503, 504})
    void serverErrorsAndTimeoutsAreRetryable(int status) {
        assertTrue(RetryPolicy.isRetryableStatus(status));
    }

    @ParameterizedTest
    @ValueSource(ints = {200, 400, 401, 402, 403, 404, 405, 406, 409, 415, 422, 429})
    void clientErrorsAreNot(int status) {
        // 429 is not a retry either: it is a wait for the rate-limit window, handled apart.
        assertFalse(RetryPolicy.isRetryableStatus(status));
    }
}
