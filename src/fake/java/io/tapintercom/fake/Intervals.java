package io.tapintercom.fake;

import java.util.Arrays;

/**
 * A union of half-open [lo, hi) ranges of timestamp values. A search query is reduced to the ranges it allows on the
 * sort field, so results come from binary searches over the sorted index instead of a full scan.
 */
final class Intervals {
    /** Far from Long's limits so lo - 1 and hi + 1 never overflow. */
    static final long MIN = Long.MIN_VALUE / 4;
    static final long MAX = Long.MAX_VALUE / 4;
    private static final Intervals ALL = new Intervals(new long[] {MIN, MAX});
    private static final Intervals NONE = new Intervals(new long[0]);

    /** lo0, hi0, lo1, hi1, ... sorted, disjoint and non-adjacent. */
    private final long[] bounds;

    private Intervals(long[] bounds) {
        this.bounds = bounds;
    }

    static Intervals all() {
        return ALL;
    }

    static Intervals none() {
        return NONE;
    }

    static Intervals of(long lo, long hi) {
        long l = Math.max(MIN, lo);
        long h = Math.min(MAX, hi);
        return l < h ? new Intervals(new long[] {l, h}) : NONE;
    }

    static Intervals atLeast(long lo) {
        return of(lo, MAX);
    }

    static Intervals below(long hi) {
        return of(MIN, hi);
    }

    static Intervals point(long v) {
        return of(v, v + 1);
    }

    int size() {
        return bounds.length / 2;
    }

    long lo(int i) {
        return bounds[2 * i];
    }

    long hi(int i) {
        return bounds[2 * i + 1];
    }

    boolean contains(long v) {
        for (int i = 0; i < bounds.length; i += 2) {
            if (v >= bounds[i] && v < bounds[i + 1]) {
                return true;
            }
        }
        return false;
    }

    Intervals complement() {
        return ALL.minus(this);
    }

    private Intervals minus(Intervals other) {
        return intersect(other.invertWithinAll());
    }

    private Intervals invertWithinAll() {
        long[] out = new long[bounds.length + 2];
        int n = 0;
        long cursor = MIN;
        for (int i = 0; i < bounds.length; i += 2) {
            if (bounds[i] > cursor) {
                out[n++] = cursor;
                out[n++] = bounds[i];
            }
            cursor = bounds[i + 1];
        }
        if (cursor < MAX) {
            out[n++] = cursor;
            out[n++] = MAX;
        }
        return new Intervals(Arrays.copyOf(out, n));
    }

    Intervals union(Intervals other) {
        long[] all = new long[bounds.length + other.bounds.length];
        int a = 0;
        int b = 0;
        int n = 0;
        while (a < bounds.length || b < other.bounds.length) {
            boolean takeA = b >= other.bounds.length || (a < bounds.length && bounds[a] <= other.bounds[b]);
            long lo = takeA ? bounds[a] : other.bounds[b];
            long hi = takeA ? bounds[a + 1] : other.bounds[b + 1];
            if (takeA) {
                a += 2;
            } else {
                b += 2;
            }
            if (n > 0 && lo <= all[n - 1]) {
                all[n - 1] = Math.max(all[n - 1], hi);
            } else {
                all[n++] = lo;
                all[n++] = hi;
            }
        }
        return new Intervals(Arrays.copyOf(all, n));
    }

    Intervals intersect(Intervals other) {
        long[] out = new long[bounds.length + other.bounds.length];
        int a = 0;
        int b = 0;
        int n = 0;
        while (a < bounds.length && b < other.bounds.length) {
            long lo = Math.max(bounds[a], other.bounds[b]);
            long hi = Math.min(bounds[a + 1], other.bounds[b + 1]);
            if (lo < hi) {
                out[n++] = lo;
                out[n++] = hi;
            }
            if (bounds[a + 1] < other.bounds[b + 1]) {
                a += 2;
            } else {
                b += 2;
            }
        }
        return new Intervals(Arrays.copyOf(out, n));
    }

    @Override
    public String toString() {
        return Arrays.toString(bounds);
    }
}
