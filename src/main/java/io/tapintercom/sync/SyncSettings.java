package io.tapintercom.sync;

import java.time.Instant;

/**
 * The settings the engine works by. {@code signpost} is the moment the sync started: no bookmark
 * moves past it, and records updated after it wait for the next run rather than being half caught now.
 * {@code concurrency} is max_concurrency, the client's ceiling of requests in flight; the engine sizes its
 * work by the client's current limit below it (SyncContext.inFlight). {@code parallelStreams} is how
 * many stream groups run at once. {@code recordLimit} caps records per stream (for --test); 0 means no cap.
 */
public record SyncSettings(Instant signpost, Instant startDate, int attributionWindowDays, int concurrency,
                           int recordLimit, int parallelStreams) {
    public boolean testRun() {
        return recordLimit > 0;
    }
}
