package io.tapintercom.fake;

import java.util.Arrays;
import java.util.BitSet;

/**
 * The only per-entity state the fake keeps: timestamps, a version bumped on every change (so rendered fields change
 * with it), and deletion marks. Everything else is re-derived from (seed, index, version) when rendered.
 * Mutations must run under the workspace write lock.
 */
final class EntityTable {
    private final String stream;
    private final int[] createdAt;
    private final int[] updatedAt;
    private final int[] version;
    private final BitSet deleted = new BitSet();
    private SortedKeyIndex byUpdatedAt;
    private volatile SortedKeyIndex byCreatedAt;
    private long modifications;

    EntityTable(String stream, int[] createdAt, int[] updatedAt) {
        if (createdAt.length != updatedAt.length) {
            throw new IllegalArgumentException("timestamp arrays differ in length");
        }
        this.stream = stream;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
        this.version = new int[createdAt.length];
        this.byUpdatedAt = SortedKeyIndex.build(updatedAt, deleted);
    }

    String stream() {
        return stream;
    }

    int size() {
        return createdAt.length;
    }

    int liveCount() {
        return createdAt.length - deleted.cardinality();
    }

    boolean isLive(int index) {
        return index >= 0 && index < createdAt.length && !deleted.get(index);
    }

    int createdAt(int index) {
        return createdAt[index];
    }

    int updatedAt(int index) {
        return updatedAt[index];
    }

    int version(int index) {
        return version[index];
    }

    /** Changes with every mutation; lets callers cache results computed from the table. */
    long modifications() {
        return modifications;
    }

    SortedKeyIndex index(SortField field) {
        if (field == SortField.UPDATED_AT) {
            return byUpdatedAt;
        }
        SortedKeyIndex idx = byCreatedAt;
        if (idx == null) {
            synchronized (this) {
                idx = byCreatedAt;
                if (idx == null) {
                    // Built lazily: most streams are only ever sorted by updated_at.
                    idx = SortedKeyIndex.build(createdAt, deleted);
                    byCreatedAt = idx;
                }
            }
        }
        return idx;
    }

    void touch(int[] indexes, int newUpdatedAt) {
        long[] removed = new long[indexes.length];
        long[] added = new long[indexes.length];
        for (int i = 0; i < indexes.length; i++) {
            int idx = indexes[i];
            if (!isLive(idx)) {
                throw new IllegalArgumentException(stream + " " + idx + " is not live");
            }
            int value = Math.max(newUpdatedAt, createdAt[idx]);
            removed[i] = SortedKeyIndex.key(updatedAt[idx], idx);
            added[i] = SortedKeyIndex.key(value, idx);
            updatedAt[idx] = value;
            version[idx]++;
        }
        Arrays.sort(removed);
        Arrays.sort(added);
        byUpdatedAt = byUpdatedAt.replace(removed, added);
        modifications++;
    }

    void delete(int index) {
        if (!isLive(index)) {
            return;
        }
        deleted.set(index);
        byUpdatedAt = byUpdatedAt.replace(new long[] {SortedKeyIndex.key(updatedAt[index], index)}, new long[0]);
        SortedKeyIndex created = byCreatedAt;
        if (created != null) {
            byCreatedAt = created.replace(new long[] {SortedKeyIndex.key(createdAt[index], index)}, new long[0]);
        }
        modifications++;
    }
}
