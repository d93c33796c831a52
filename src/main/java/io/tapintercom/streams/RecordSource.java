package io.tapintercom.streams;

import io.tapintercom.intercom.IntercomClient;
import io.tapintercom.intercom.pagination.Page;
import java.time.Duration;
import java.util.Iterator;
import java.util.Optional;

/** How a top-level stream's records are read: an endpoint and its pagination style. */
public interface RecordSource {
    /** Pages of records, fetched lazily, holding at most a page in memory. */
    Iterator<Page> open(IntercomClient client, ReadWindow window);

    /**
     * Whether pages come in ascending order of the replication key, so a bookmark may advance after
     * each page. Otherwise the highest value seen is only saved when the stream completes.
     */
    default boolean sortedByReplicationKey() {
        return false;
    }

    /**
     * Whether the read must not be slowed by other requests between its pages (the company scroll
     * expires after a minute idle), so per-parent requests wait until it has finished.
     */
    default boolean mustNotIdle() {
        return false;
    }

    /**
     * The shortest span of time worth a cursor of its own when a long read is cut into slices read
     * concurrently; empty when the source cannot be read in slices (it is not sorted, or cannot be
     * asked for an upper bound).
     */
    default Optional<Duration> minimumSlice() {
        return Optional.empty();
    }

    /** The same source labelled with its stream's name (in metrics and errors), so a declaration names a stream once. */
    default RecordSource named(String stream) {
        return this;
    }
}
