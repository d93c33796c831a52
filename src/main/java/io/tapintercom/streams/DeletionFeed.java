package io.tapintercom.streams;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tapintercom.intercom.IntercomClient;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * Where Intercom lists a stream's records deleted since some time (GET /conversations/deleted), so
 * an incremental stream can report its deletions too. Read at the end of the stream's sync.
 */
public interface DeletionFeed {
    /**
     * Hands {@code sink} each record deleted after {@code after} and no later than {@code until}.
     * @return false when the workspace's API does not offer the feed: nothing was read
     */
    boolean read(IntercomClient client, Instant after, Instant until, Consumer<Deletion> sink);

    /** One deleted record: its key fields, and when it was deleted. */
    record Deletion(ObjectNode key, Instant deletedAt) {}
}
