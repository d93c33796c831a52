package io.tapintercom.sync;

import io.tapintercom.streams.ReadWindow;
import java.time.Instant;

/**
 * One part of a group's read: a span of replication-key values read by a cursor of its own. A read
 * starts as one slice covering its whole window; a long one is cut into several (see {@link SlicePlanner}).
 * Mutable, but only ever touched by the group's own thread.
 */
final class Slice {
    private final Instant from;
    private Instant to;
    private final boolean bounded;
    private Instant highestWritten;
    /** Pages handed out to be written and not written yet. */
    private int unwritten;
    /** Whether the slice's cursor has handed out its last page. */
    private boolean ended;

    /** @param bounded whether the read must ask Intercom for the upper bound too (a slice, not the whole window) */
    Slice(Instant from, Instant to, boolean bounded) {
        this.from = from;
        this.to = to;
        this.bounded = bounded;
    }

    Instant from() {
        return from;
    }

    Instant to() {
        return to;
    }

    ReadWindow window() {
        return new ReadWindow(from, to, bounded);
    }

    /** The slice now ends just before {@code at}: the rest of it has become slices of their own. */
    void endBefore(Instant at) {
        to = at.minusSeconds(1);
    }

    void written(Instant key) {
        if (key != null && (highestWritten == null || key.isAfter(highestWritten))) {
            highestWritten = key;
        }
    }

    Instant highestWritten() {
        return highestWritten;
    }

    /** A page of the slice was handed out to be written. */
    void handedOut() {
        unwritten++;
    }

    /** A page handed out has been written, with the highest in-window value among its records, if any. */
    void pageWritten(Instant highest) {
        unwritten--;
        written(highest);
    }

    /** The slice's cursor has handed out its last page (it came to its end, or the rest became slices). */
    void end() {
        ended = true;
    }

    /** Every record of the slice has been written: its cursor has ended and each page handed out is written. */
    boolean finished() {
        return ended && unwritten == 0;
    }

    @Override
    public String toString() {
        return "[" + from + ", " + to + "]";
    }
}
