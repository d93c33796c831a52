package io.tapintercom.singer;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A record already written as the compact JSON of a RECORD message's "record", as the worker thread that
 * transformed it wrote it, so the thread that writes stdout only copies bytes. Its {@code key} holds the
 * record's top-level key fields (as written), for whoever must remember which records went out.
 */
public final class EncodedRecord {
    private final byte[] json;
    private final ObjectNode key;

    EncodedRecord(byte[] json, ObjectNode key) {
        this.json = json;
        this.key = key;
    }

    /** The record's JSON; not to be changed. */
    byte[] json() {
        return json;
    }

    /** The key fields the record has, by name: an object that holds only them. */
    public ObjectNode key() {
        return key;
    }

    /** Bytes held, for memory accounting and tests. */
    public int size() {
        return json.length;
    }

    @Override
    public String toString() {
        return new String(json, java.nio.charset.StandardCharsets.UTF_8);
    }
}
