package io.tapintercom.sync;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The slices of one read in ascending order, and the bookmark they allow: the highest value written
 * in the longest run of finished slices from the start, together with the first slice not yet
 * finished. Every record before that value has been written, whichever slices finished in between,
 * so a run killed at any point resumes from it without loss.
 */
final class Slices {
    private final List<Slice> ordered = new ArrayList<>();

    Slices(Slice whole) {
        ordered.add(whole);
    }

    /** Puts {@code parts} right after {@code slice}, which now ends where the first part starts. */
    void split(Slice slice, List<Slice> parts) {
        slice.endBefore(parts.get(0).from());
        ordered.addAll(ordered.indexOf(slice) + 1, parts);
    }

    long open() {
        return ordered.stream().filter(s -> !s.finished()).count();
    }

    List<Slice> all() {
        return List.copyOf(ordered);
    }

    /** Where the bookmark may go now: empty while nothing has been written from the start of the read. */
    Optional<Instant> bookmark() {
        Instant mark = null;
        for (Slice slice : ordered) {
            Instant high = slice.highestWritten();
            if (high != null && (mark == null || high.isAfter(mark))) {
                mark = high;
            }
            if (!slice.finished()) {
                break;
            }
        }
        return Optional.ofNullable(mark);
    }
}
