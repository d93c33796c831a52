package io.tapintercom.streams;

import java.time.Instant;

/**
 * The span of replication-key values one read asks for: from (inclusive) up to {@code to} (inclusive),
 * the sync's signpost or the end of a slice. {@code slice} says the upper bound is a slice's, which a
 * source must ask Intercom for even where it would otherwise only filter on its side.
 */
public record ReadWindow(Instant from, Instant to, boolean slice) {
    public ReadWindow(Instant from, Instant to) {
        this(from, to, false);
    }
}
