package io.tapintercom.streams.sources;

import java.util.HashSet;
import java.util.Set;

/**
 * The ids a read has already handed out, exactly and in bounded memory: Intercom's 24-hex object ids
 * (12 bytes) are kept packed in an open-addressing table of longs, 16 bytes each; any other id in a set
 * of strings. Past {@code capacity} ids it stops remembering: an id it never took is simply reported as
 * new, so the worst case is a record written twice (targets dedupe on the key), never one skipped.
 */
final class SeenIds {
    private static final long EMPTY = -1;
    private final int capacity;
    /** Pairs (high 32 bits of the id, low 64 bits); high is never negative, so EMPTY marks a free slot. */
    private long[] table = new long[2 * 1024];
    private int packed;
    private final Set<String> other = new HashSet<>();

    SeenIds(int capacity) {
        this.capacity = capacity;
        java.util.Arrays.fill(table, EMPTY);
    }

    /** Records the id; true if it was not seen before (or could not be remembered). */
    boolean add(String id) {
        if (!isObjectId(id)) {
            return size() >= capacity ? !other.contains(id) : other.add(id);
        }
        long high = Long.parseLong(id, 0, 8, 16);
        long low = Long.parseUnsignedLong(id, 8, 24, 16);
        int slot = find(table, high, low);
        if (table[slot] != EMPTY) {
            return false;
        }
        if (size() >= capacity) {
            return true;
        }
        if (2 * (packed + 1) > table.length / 2) {
            grow();
            slot = find(table, high, low);
        }
        table[slot] = high;
        table[slot + 1] = low;
        packed++;
        return true;
    }

    int size() {
        return packed + other.size();
    }

    private static int find(long[] table, long high, long low) {
        int slots = table.length / 2;
        long mixed = (high * 0x9E3779B97F4A7C15L) ^ (low * 0xC2B2AE3D27D4EB4FL);
        int slot = (int) ((mixed ^ (mixed >>> 29)) & (slots - 1));
        while (table[2 * slot] != EMPTY && !(table[2 * slot] == high && table[2 * slot + 1] == low)) {
            slot = (slot + 1) & (slots - 1);
        }
        return 2 * slot;
    }

    private void grow() {
        long[] bigger = new long[table.length * 2];
        java.util.Arrays.fill(bigger, EMPTY);
        for (int i = 0; i < table.length; i += 2) {
            if (table[i] != EMPTY) {
                int slot = find(bigger, table[i], table[i + 1]);
                bigger[slot] = table[i];
                bigger[slot + 1] = table[i + 1];
            }
        }
        table = bigger;
    }

    private static boolean isObjectId(String id) {
        if (id.length() != 24) {
            return false;
        }
        for (int i = 0; i < 24; i++) {
            char c = id.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }
}
