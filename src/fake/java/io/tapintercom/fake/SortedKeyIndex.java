package io.tapintercom.fake;

import java.util.Arrays;
import java.util.BitSet;

/**
 * Entity indexes ordered by one timestamp, packed as (value << 32 | index) in a sorted long[] so that range counts
 * and cursor positions are binary searches, and ties on the same second are ordered by index (a stable sort position).
 * Immutable: updates produce a new instance.
 */
final class SortedKeyIndex {
    private final long[] keys;

    private SortedKeyIndex(long[] keys) {
        this.keys = keys;
    }

    static long key(int value, int index) {
        return ((long) value << 32) | (index & 0xffffffffL);
    }

    static int valueOf(long key) {
        return (int) (key >> 32);
    }

    static int indexOf(long key) {
        return (int) key;
    }

    static SortedKeyIndex build(int[] values, BitSet excluded) {
        long[] keys = new long[values.length - excluded.cardinality()];
        int n = 0;
        for (int i = 0; i < values.length; i++) {
            if (!excluded.get(i)) {
                keys[n++] = key(values[i], i);
            }
        }
        Arrays.sort(keys);
        return new SortedKeyIndex(keys);
    }

    int size() {
        return keys.length;
    }

    long keyAt(int position) {
        return keys[position];
    }

    /** First position whose key is >= {@code key}. */
    int lowerBound(long key) {
        int lo = 0;
        int hi = keys.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (keys[mid] < key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** First position whose timestamp is >= {@code value} (values outside the int range clamp to the ends). */
    int positionOfValue(long value) {
        if (value <= Integer.MIN_VALUE) {
            return 0;
        }
        if (value > Integer.MAX_VALUE) {
            return keys.length;
        }
        return lowerBound(value << 32);
    }

    /** A copy without the {@code removed} keys and with the {@code added} ones; both arrays must be sorted. */
    SortedKeyIndex replace(long[] removed, long[] added) {
        long[] out = new long[keys.length - removed.length + added.length];
        int r = 0;
        int a = 0;
        int n = 0;
        for (long k : keys) {
            while (r < removed.length && removed[r] < k) {
                r++;
            }
            if (r < removed.length && removed[r] == k) {
                r++;
                continue;
            }
            while (a < added.length && added[a] < k) {
                out[n++] = added[a++];
            }
            out[n++] = k;
        }
        while (a < added.length) {
            out[n++] = added[a++];
        }
        if (n != out.length) {
            throw new IllegalStateException("index update removed a key it did not hold");
        }
        return new SortedKeyIndex(out);
    }
}
