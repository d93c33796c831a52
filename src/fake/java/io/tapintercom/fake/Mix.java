package io.tapintercom.fake;

import java.util.SplittableRandom;

/**
 * Stateless hashing so any object can be re-derived from (seed, kind, index[, version]) without storing it:
 * this is what keeps a 2M-contact workspace small.
 */
final class Mix {
    static final int CONTACT = 1;
    static final int COMPANY = 2;
    static final int CONVERSATION = 3;
    static final int TICKET = 4;
    static final int ADMIN = 5;
    static final int TEAM = 6;
    static final int TAG = 7;
    static final int SEGMENT = 8;
    static final int COLLECTION = 9;
    static final int ARTICLE = 10;
    static final int ACTIVITY_LOG = 11;
    static final int NOTE = 12;
    static final int PART = 13;
    static final int TOUCH = 14;
    static final int SCROLL = 15;
    static final int REQUEST = 16;
    static final int FAULT = 17;
    static final int WORKSPACE = 18;

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Mix() {
    }

    static long splitmix(long z) {
        z += 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    static long hash(long seed, long a) {
        return splitmix(seed ^ splitmix(a));
    }

    static long hash(long seed, long a, long b) {
        return splitmix(hash(seed, a) ^ splitmix(b + 0x632BE59BD9B4E019L));
    }

    static long hash(long seed, long a, long b, long c) {
        return splitmix(hash(seed, a, b) ^ splitmix(c + 0x2545F4914F6CDD1DL));
    }

    /** Fields that never change for an entity. */
    static SplittableRandom rng(long seed, int kind, int index) {
        return new SplittableRandom(hash(seed, kind, index));
    }

    /** Fields that change whenever the entity is touched. */
    static SplittableRandom rng(long seed, int kind, int index, int version) {
        return new SplittableRandom(hash(seed, kind, index, 0x10000L + version));
    }

    /** Unsigned value in [0, bound) for a single derived decision. */
    static int pick(long seed, int kind, int index, int salt, int bound) {
        return (int) Long.remainderUnsigned(hash(seed, kind, index, salt), bound);
    }

    /**
     * A 24-hex id shaped like Intercom's Mongo ObjectIds: creation time, a per-workspace-and-kind middle, and the
     * entity index as the trailing 3-byte counter, so the index can be recovered from the id without a map.
     */
    static String objectId(long seed, int kind, int createdAt, int index) {
        char[] out = new char[24];
        writeHex(out, 0, createdAt & 0xffffffffL, 8);
        writeHex(out, 8, hash(seed, kind, 0x0B1EC7L) & 0xffffffffffL, 10);
        writeHex(out, 18, index, 6);
        return new String(out);
    }

    /** The index encoded by {@link #objectId}, or -1; callers must still compare the full id. */
    static int objectIdIndex(String id) {
        if (id == null || id.length() != 24) {
            return -1;
        }
        try {
            return Integer.parseInt(id.substring(18), 16);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    static String hex(long value, int digits) {
        char[] out = new char[digits];
        writeHex(out, 0, value, digits);
        return new String(out);
    }

    static String uuid(long a, long b) {
        long hi = hash(a, b, 0x55AAL);
        long lo = hash(b, a, 0xAA55L);
        hi = (hi & 0xffffffffffff0fffL) | 0x0000000000004000L;
        lo = (lo & 0x3fffffffffffffffL) | 0x8000000000000000L;
        String h = hex(hi, 16);
        String l = hex(lo, 16);
        return h.substring(0, 8) + "-" + h.substring(8, 12) + "-" + h.substring(12, 16) + "-" + l.substring(0, 4) + "-"
                + l.substring(4, 16);
    }

    private static void writeHex(char[] out, int offset, long value, int digits) {
        for (int i = digits - 1; i >= 0; i--) {
            out[offset + i] = HEX[(int) (value & 0xf)];
            value >>>= 4;
        }
    }
}
