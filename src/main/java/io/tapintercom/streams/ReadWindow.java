package io.tapintercom.streams;

import java.time.Instant;

/** The span of replication-key values one read asks for: from (inclusive) up to the sync's signpost. */
public record ReadWindow(Instant from, Instant to) {
}
