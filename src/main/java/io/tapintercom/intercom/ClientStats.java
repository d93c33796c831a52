package io.tapintercom.intercom;

import java.util.concurrent.atomic.AtomicLong;

/** Counters of what the client did, for the end-of-run summary and the benchmark. */
public final class ClientStats {
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();
    private final AtomicLong rateLimited = new AtomicLong();

    void request() {
        requests.incrementAndGet();
    }

    void retry() {
        retries.incrementAndGet();
    }

    void rateLimited() {
        rateLimited.incrementAndGet();
    }

    public long requests() {
        return requests.get();
    }

    public long retries() {
        return retries.get();
    }

    public long rateLimitedResponses() {
        return rateLimited.get();
    }
}
