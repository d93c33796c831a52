package io.tapintercom.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tapintercom.singer.DateTimes;
import io.tapintercom.singer.Json;
import io.tapintercom.singer.state.State;
import java.time.Instant;
import java.util.Optional;

/**
 * How far one stream's read has safely got: every record whose replication-key value is before
 * {@code value} has been written (records at {@code value} itself are read again on resume, since
 * reads start inclusively). A small immutable value; in the state it is the stream's bookmark
 * ({"updated_at": "..."}) and it reads back unchanged.
 */
record Checkpoint(String stream, String key, Instant value) {
    /** The state with this stream's bookmark moved forward to this point; never backward. */
    State applyTo(State state, Instant signpost) {
        return Bookmarks.advance(state, stream, key, value, signpost);
    }

    /** The bookmark object as the state holds it. */
    ObjectNode toJson() {
        return Json.object().put(key, DateTimes.format(value));
    }

    /** The stream's checkpoint as a state holds it, if it has one. */
    static Optional<Checkpoint> in(State state, String stream, String key, Instant signpost) {
        return Bookmarks.read(state, stream, key, signpost).map(value -> new Checkpoint(stream, key, value));
    }

    /** A bookmark object ({"updated_at": "..."}) read back, if it holds a date under {@code key}. */
    static Optional<Checkpoint> fromJson(String stream, String key, JsonNode bookmark) {
        JsonNode value = bookmark == null ? null : bookmark.get(key);
        return value == null ? Optional.empty()
                : DateTimes.parse(value.asText()).map(instant -> new Checkpoint(stream, key, instant));
    }
}
