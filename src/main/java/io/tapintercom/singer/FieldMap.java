package io.tapintercom.singer;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;

/**
 * The fields of a JSON object in the order they came, held as two arrays: what a record's tree is made of while
 * it waits for its children's requests. Jackson's own objects use a LinkedHashMap, whose entry per field (40
 * bytes, plus its slot in the table) made a third of the heap a sync keeps live at 800 ms a request, when some
 * thousands of parents wait for their turn. Here a field costs two references. Objects of many fields (a contact's
 * custom attributes) also get an index, built as fields are added, so lookups stay constant-time; it is never
 * built on a read, so a finished tree can be read from several threads, as a LinkedHashMap can.
 *
 * <p>Behaves as a LinkedHashMap in insertion order: replacing a value keeps the field's place, removing one
 * closes the gap. Not thread-safe for writes.
 */
final class FieldMap extends AbstractMap<String, JsonNode> {
    /** Up to this many fields a scan is as quick as a hash lookup (keys are mostly Jackson's interned names). */
    static final int INDEX_FROM = 12;
    private static final int INITIAL = 4;

    private String[] keys;
    private JsonNode[] values;
    private int size;
    /**
     * Only for objects of more than INDEX_FROM fields: an open-addressing table of positions plus one (0 is a free
     * slot), probed linearly from the key's hash. Some 8 bytes a field, where a HashMap took some 40.
     */
    private int[] index;
    private int modifications;
    private EntrySet entries;

    FieldMap() {
        keys = new String[INITIAL];
        values = new JsonNode[INITIAL];
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public boolean containsKey(Object key) {
        return position(key) >= 0;
    }

    @Override
    public JsonNode get(Object key) {
        int at = position(key);
        return at < 0 ? null : values[at];
    }

    @Override
    public JsonNode put(String key, JsonNode value) {
        Objects.requireNonNull(key, "a JSON field has a name");
        int at = position(key);
        if (at >= 0) {
            JsonNode old = values[at];
            values[at] = value;
            return old;
        }
        if (size == keys.length) {
            int grown = size * 2;
            keys = Arrays.copyOf(keys, grown);
            values = Arrays.copyOf(values, grown);
        }
        keys[size] = key;
        values[size] = value;
        size++;
        modifications++;
        if (index != null && 2 * size <= index.length) {
            slot(key, size - 1);
        } else if (size > INDEX_FROM) {
            reindex();
        }
        return null;
    }

    /**
     * Into an empty map, another FieldMap's fields are taken as they are: they are known to be distinct, so none
     * is looked up (a child row is a shallow copy of an item of its parent, for every row).
     */
    @Override
    public void putAll(Map<? extends String, ? extends JsonNode> other) {
        if (size != 0 || !(other instanceof FieldMap source)) {
            super.putAll(other);
            return;
        }
        int capacity = Math.max(INITIAL, source.size);
        keys = Arrays.copyOf(source.keys, capacity);
        values = Arrays.copyOf(source.values, capacity);
        size = source.size;
        index = source.index == null ? null : source.index.clone();
        modifications++;
    }

    @Override
    public JsonNode remove(Object key) {
        int at = position(key);
        if (at < 0) {
            return null;
        }
        JsonNode old = values[at];
        removeAt(at);
        return old;
    }

    @Override
    public void clear() {
        Arrays.fill(keys, 0, size, null);
        Arrays.fill(values, 0, size, null);
        size = 0;
        index = null;
        modifications++;
    }

    @Override
    public Set<Entry<String, JsonNode>> entrySet() {
        if (entries == null) {
            entries = new EntrySet();
        }
        return entries;
    }

    private int position(Object key) {
        if (index != null) {
            if (key == null) {
                return -1;
            }
            int mask = index.length - 1;
            for (int i = spread(key.hashCode()) & mask; index[i] != 0; i = (i + 1) & mask) {
                int at = index[i] - 1;
                if (keys[at] == key || keys[at].equals(key)) {
                    return at;
                }
            }
            return -1;
        }
        if (!(key instanceof String name)) {
            return -1;
        }
        // One pass: the same instance (Jackson's interned names) or the same text. Comparing the cached hashes
        // first spares a character comparison with every other field of the same length when a field is added.
        int hash = name.hashCode();
        for (int i = 0; i < size; i++) {
            String candidate = keys[i];
            if (candidate == name || (candidate.hashCode() == hash && candidate.equals(name))) {
                return i;
            }
        }
        return -1;
    }

    private void removeAt(int at) {
        int after = size - at - 1;
        System.arraycopy(keys, at + 1, keys, at, after);
        System.arraycopy(values, at + 1, values, at, after);
        size--;
        keys[size] = null;
        values[size] = null;
        modifications++;
        if (index != null) {
            if (size > INDEX_FROM) {
                reindex();
            } else {
                index = null;
            }
        }
    }

    /** A table of at least two slots a field (a power of two), so that probes stay short as the object grows. */
    private void reindex() {
        index = new int[Integer.highestOneBit(Math.max(keys.length, size) * 2 - 1) << 1];
        for (int i = 0; i < size; i++) {
            slot(keys[i], i);
        }
    }

    private void slot(String key, int at) {
        int mask = index.length - 1;
        int i = spread(key.hashCode()) & mask;
        while (index[i] != 0) {
            i = (i + 1) & mask;
        }
        index[i] = at + 1;
    }

    private static int spread(int hash) {
        return hash ^ (hash >>> 16);
    }

    private final class EntrySet extends AbstractSet<Entry<String, JsonNode>> {
        @Override
        public int size() {
            return size;
        }

        @Override
        public Iterator<Entry<String, JsonNode>> iterator() {
            return new Iterator<>() {
                private int next;
                private int last = -1;
                private int expected = modifications;

                @Override
                public boolean hasNext() {
                    return next < size;
                }

                @Override
                public Entry<String, JsonNode> next() {
                    if (expected != modifications) {
                        throw new ConcurrentModificationException();
                    }
                    if (next >= size) {
                        throw new NoSuchElementException();
                    }
                    last = next++;
                    return new Field(last);
                }

                @Override
                public void remove() {
                    if (last < 0) {
                        throw new IllegalStateException();
                    }
                    if (expected != modifications) {
                        throw new ConcurrentModificationException();
                    }
                    removeAt(last);
                    next = last;
                    last = -1;
                    expected = modifications;
                }
            };
        }

        @Override
        public void clear() {
            FieldMap.this.clear();
        }
    }

    /** A field seen through the map: setValue writes through, as a LinkedHashMap's entries do. */
    private final class Field implements Entry<String, JsonNode> {
        private final String key;
        private final int at;

        Field(int at) {
            this.key = keys[at];
            this.at = at;
        }

        @Override
        public String getKey() {
            return key;
        }

        @Override
        public JsonNode getValue() {
            return keys[at] == key ? values[at] : get(key);
        }

        @Override
        public JsonNode setValue(JsonNode value) {
            int where = keys[at] == key ? at : position(key);
            if (where < 0) {
                throw new IllegalStateException("the field " + key + " was removed");
            }
            JsonNode old = values[where];
            values[where] = value;
            return old;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Entry<?, ?> e && key.equals(e.getKey()) && Objects.equals(getValue(), e.getValue());
        }

        @Override
        public int hashCode() {
            return key.hashCode() ^ Objects.hashCode(getValue());
        }

        @Override
        public String toString() {
            return key + "=" + getValue();
        }
    }
}
