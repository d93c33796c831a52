package io.tapintercom.fake;

import java.time.Clock;

/** Intercom's fixed 10-second rate-limit windows, measured on the injected clock. */
final class RateLimitWindow {
    static final long WINDOW_MILLIS = 10_000;

    private final int limit;
    private final Clock clock;
    private long window = Long.MIN_VALUE;
    private int used;

    RateLimitWindow(int limit, Clock clock) {
        this.limit = limit;
        this.clock = clock;
    }

    /** The outcome of one request against the window, with the values of the X-RateLimit-* headers. */
    record Decision(boolean allowed, int limit, int remaining, long resetEpochSeconds) {
    }

    synchronized Decision acquire() {
        long w = Math.floorDiv(clock.millis(), WINDOW_MILLIS);
        if (w != window) {
            window = w;
            used = 0;
        }
        long reset = (w + 1) * WINDOW_MILLIS / 1000;
        if (used >= limit) {
            return new Decision(false, limit, 0, reset);
        }
        used++;
        return new Decision(true, limit, limit - used, reset);
    }
}
