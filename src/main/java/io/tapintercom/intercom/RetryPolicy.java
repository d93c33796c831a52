package io.tapintercom.intercom;

import java.time.Duration;
import java.util.Random;

/**
 * How often and how long to retry a failed request: exponential backoff with jitter, capped, so that
 * many threads failing together do not retry in lockstep.
 */
public record RetryPolicy(int maxRetries, Duration baseDelay, Duration maxDelay, Duration scrollBusyWait,
                          int maxRateLimitWaits) {

    public static RetryPolicy standard(int maxRetries) {
        return new RetryPolicy(maxRetries, Duration.ofSeconds(1), Duration.ofSeconds(60), Duration.ofSeconds(61), 200);
    }

    /** The wait before retry number {@code retry} (1-based): half to all of base * 2^(retry-1), at most maxDelay. */
    public Duration backoff(int retry, Random random) {
        long ceiling = Math.min(maxDelay.toMillis(), baseDelay.toMillis() * (1L << Math.min(20, retry - 1)));
        long jittered = ceiling / 2 + (long) (random.nextDouble() * (ceiling / 2.0));
        return Duration.ofMillis(Math.max(1, jittered));
    }

    public static boolean isRetryableStatus(int status) {
        return status == 408 || status >= 500;
    }
}
