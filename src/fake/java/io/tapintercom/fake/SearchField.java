package io.tapintercom.fake;

import java.util.function.IntFunction;
import java.util.function.IntPredicate;
import java.util.function.IntToLongFunction;

/** One searchable field of a stream and how to read it for an entity index. */
record SearchField(String name, Type type, IntToLongFunction longValue, IntFunction<String> stringValue,
        IntPredicate booleanValue) {

    /** longValue's marker for a null number or timestamp. */
    static final long NULL = Long.MIN_VALUE;

    enum Type {
        DATE, INTEGER, STRING, BOOLEAN
    }

    static SearchField date(String name, IntToLongFunction value) {
        return new SearchField(name, Type.DATE, value, null, null);
    }

    static SearchField integer(String name, IntToLongFunction value) {
        return new SearchField(name, Type.INTEGER, value, null, null);
    }

    static SearchField string(String name, IntFunction<String> value) {
        return new SearchField(name, Type.STRING, null, value, null);
    }

    static SearchField bool(String name, IntPredicate value) {
        return new SearchField(name, Type.BOOLEAN, null, null, value);
    }
}
