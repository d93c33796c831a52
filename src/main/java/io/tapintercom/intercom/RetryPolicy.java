package io.tapintercom.intercom;

import java.time.Duration;
import java.util.Random;

/**
 * How often and how long to retry a failed request: exponential backoff with jitter, capped, so that
 * many threads failing together do not retry in lockstep. 429s do not spend retries: they wait for the
 * rate limit to lift, for at most {@code maxRateLimitWait} on one request, so that a limit that never
 * lifts (another integration spending the app's whole budget) ends the sync instead of holding it for ever.
 */
public record RetryPolicy(int maxRetries, Duration baseDelay, Duration maxDelay, Duration scrollBusyWait,
                          Duration maxRateLimitWait) {
    /** Ten minutes: sixty of Intercom's 10-second windows, or ten of the 60-second ones some apps have. */
    public static final Duration DEFAULT_MAX_RATE_LIMIT_WAIT = Duration.ofMinutes(10);

    public static RetryPolicy standard(int maxRetries) {
        return standard(maxRetries, DEFAULT_MAX_RATE_LIMIT_WAIT);
    }

    public static RetryPolicy standard(int maxRetries, Duration maxRateLimitWait) {
        return new RetryPolicy(maxRetries, Duration.ofSeconds(1), Duration.ofSeconds(60), Duration.ofSeconds(61),
                maxRateLimitWait);
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

    /**
     * A status that says the request never reached Intercom's application, only its gateway: a scroll page
     * answered so can be asked again as it is, since its cursor cannot have moved.
     */
    public static boolean isGatewayRefusal(int status) {
        return status == 502 || status == 503;
    }
}
