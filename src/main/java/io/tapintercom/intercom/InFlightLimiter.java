package io.tapintercom.intercom;

import java.time.Clock;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.DoubleSupplier;

/**
 * How many requests the client keeps in flight at once, shared by every caller (parallel stream groups,
 * slices, per-parent children): about as many as Intercom's budget can use at the latency seen. By Little's
 * law a budget of R requests/s at a latency of L seconds needs R x L requests in flight; fewer leave budget
 * unused (a fixed 16 at 800 ms make 20 requests/s of the 166 allowed), more only queue in the rate limiter.
 * The latency is measured as requests complete (a moving average, weighted by request, so slow search pages and
 * quick per-parent GETs count as often as they are sent), and the limit is that product with headroom, within
 * a ceiling (max_concurrency). With no budget announced (no X-RateLimit-* headers) the ceiling is the limit.
 *
 * <p>This decides only how many requests may be outstanding; the {@link RateLimiter} still decides when each may
 * be sent, so the headroom costs no 429s. Thread-safe.
 */
public final class InFlightLimiter {
    /**
     * Before any request has completed, latency is unknown: a cautious start, as TCP's, but wide enough for the
     * first request of every stream group that opens at once. With 4, at 800 ms a sync's searches waited a whole
     * round trip behind the small full-table streams before their first page was even asked for. 16 in the first
     * round trip is far inside Intercom's smallest budget (1,000 a minute, 166 per 10 s), and it is what the tap
     * kept in flight, without a budget to follow, before this limiter.
     */
    static final int INITIAL = 16;
    /** Never fewer: requests do not all take the average time, and the sync has parallel readers to feed. */
    static final int FLOOR = 2;
    /**
     * Little's product is an average; with more in flight the window's budget is spent early and the rest of it
     * waits in the rate limiter, which costs nothing, while with fewer the budget is under-used.
     */
    static final double HEADROOM = 1.5;
    /** Weight of the newest latency in the moving average: it follows a change within some 20 requests. */
    static final double SMOOTHING = 0.1;

    private final Clock clock;
    private final DoubleSupplier allowedPerSecond;
    private final int ceiling;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition slotFree = lock.newCondition();
    private int inFlight;
    private double latencyMillis = Double.NaN;

    /**
     * @param allowedPerSecond the budget, requests per second; NaN or 0 while none is known
     * @param ceiling          the most requests in flight ever (max_concurrency)
     */
    public InFlightLimiter(Clock clock, DoubleSupplier allowedPerSecond, int ceiling) {
        if (ceiling < 1) {
            throw new IllegalArgumentException("the ceiling of requests in flight must be at least 1");
        }
        this.clock = clock;
        this.allowedPerSecond = allowedPerSecond;
        this.ceiling = ceiling;
    }

    /** Blocks until one more request may be in flight; the permit must be closed when it is answered. */
    public Permit acquire() throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (inFlight >= limit()) {
                slotFree.await();
            }
            inFlight++;
            return new Permit();
        } finally {
            lock.unlock();
        }
    }

    /** The requests that may be in flight now: the budget times the latency, with headroom, within the bounds. */
    public int limit() {
        double latency;
        lock.lock();
        try {
            latency = latencyMillis;
        } finally {
            lock.unlock();
        }
        if (Double.isNaN(latency)) {
            return Math.min(INITIAL, ceiling);
        }
        double rate = allowedPerSecond.getAsDouble();
        if (!(rate > 0)) {
            return ceiling;
        }
        double needed = Math.ceil(rate * latency / 1000.0 * HEADROOM);
        return (int) Math.max(Math.min(FLOOR, ceiling), Math.min(ceiling, needed));
    }

    /** The most requests ever in flight: what the pools feeding this client need as threads. */
    public int ceiling() {
        return ceiling;
    }

    public int inFlight() {
        lock.lock();
        try {
            return inFlight;
        } finally {
            lock.unlock();
        }
    }

    /** The average latency so far, in milliseconds; NaN before the first answer. */
    public double latencyMillis() {
        lock.lock();
        try {
            return latencyMillis;
        } finally {
            lock.unlock();
        }
    }

    private void release(long latency) {
        lock.lock();
        try {
            inFlight--;
            if (latency >= 0) {
                latencyMillis = Double.isNaN(latencyMillis) ? latency
                        : latencyMillis + SMOOTHING * (latency - latencyMillis);
            }
            // The limit may have grown by more than one slot.
            slotFree.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * One request's place in flight. {@link #sending()} starts its latency (after any wait in the rate limiter,
     * which is not Intercom's latency), {@link #answered()} ends it; {@link #close()} frees the place. A request
     * that got no answer (a timeout, a dropped connection) says nothing of Intercom's usual latency.
     */
    public final class Permit implements AutoCloseable {
        private long sentAt = -1;
        private long latency = -1;
        private boolean closed;

        public void sending() {
            sentAt = clock.millis();
        }

        public void answered() {
            if (sentAt >= 0) {
                latency = Math.max(0, clock.millis() - sentAt);
            }
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                release(latency);
            }
        }
    }
}
