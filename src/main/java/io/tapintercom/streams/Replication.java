package io.tapintercom.streams;

/**
 * How a stream is replicated. Incremental streams name the record field that orders them and the key
 * their bookmark is saved under (for child streams, the parent's replication key).
 */
public record Replication(Method method, String replicationKey, String bookmarkKey) {
    public enum Method { FULL_TABLE, INCREMENTAL }

    public static Replication fullTable() {
        return new Replication(Method.FULL_TABLE, null, null);
    }

    public static Replication incremental(String key) {
        return new Replication(Method.INCREMENTAL, key, key);
    }

    public boolean isIncremental() {
        return method == Method.INCREMENTAL;
    }
}
