package io.tapintercom.intercom;

import java.util.concurrent.Semaphore;

/**
 * The most requests the client has in flight at once, over every thread and stream of a run. The
 * engine runs as many threads as it has useful work for and leaves this bound to the client, so one
 * setting governs the load whatever the engine does in parallel. For now a fixed number
 * (max_concurrency).
 */
public final class InFlightLimit {
    private final Semaphore permits;

    public InFlightLimit(int max) {
        this.permits = new Semaphore(Math.max(1, max), true);
    }

    /** No bound beyond the threads of the caller, for tests and tools that send one request at a time. */
    public static InFlightLimit unlimited() {
        return new InFlightLimit(Integer.MAX_VALUE);
    }

    void acquire() throws InterruptedException {
        permits.acquire();
    }

    void release() {
        permits.release();
    }
}
