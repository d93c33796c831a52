package io.tapintercom.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.tapintercom.config.BadInputException;
import io.tapintercom.singer.DateTimes;
import io.tapintercom.singer.state.State;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Reading and writing replication-key bookmarks, and the window each incremental read starts from. */
final class Bookmarks {
    /** A bookmark this far past the signpost cannot be ours: someone's clock or file is wrong. */
    private static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(5);

    private Bookmarks() {}

    /** The stream's bookmark, if any; a bookmark that is not a date is the user's to fix. */
    static Optional<Instant> read(State state, String stream, String key, Instant signpost) {
        Optional<JsonNode> value = state.bookmark(stream, key);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        Optional<Instant> instant = value.get().isNumber()
                ? Optional.of(DateTimes.fromEpoch(value.get().decimalValue()))
                : DateTimes.parse(value.get().asText());
        if (instant.isEmpty()) {
            throw new BadInputException("state: the " + key + " bookmark of stream \"" + stream + "\" (" + value.get()
                    + ") is not a date");
        }
        if (instant.get().isAfter(signpost.plus(FUTURE_TOLERANCE))) {
            throw new BadInputException("state: the " + key + " bookmark of stream \"" + stream + "\" ("
                    + value.get().asText() + ") is in the future; fix or remove it");
        }
        return instant;
    }

    /** Where the stream's read starts: its bookmark less the attribution window, never before start_date. */
    static Instant windowStart(State state, String stream, String key, SyncSettings settings) {
        Optional<Instant> bookmark = read(state, stream, key, settings.signpost());
        if (bookmark.isEmpty()) {
            return settings.startDate();
        }
        Instant replayed = bookmark.get().minus(Duration.ofDays(settings.attributionWindowDays()));
        return replayed.isBefore(settings.startDate()) ? settings.startDate() : replayed;
    }

    /** Moves a bookmark forward to {@code value}; never backward, and never past the signpost. */
    static State advance(State state, String stream, String key, Instant value, Instant signpost) {
        Instant capped = value.isAfter(signpost) ? signpost : value;
        Optional<Instant> current = read(state, stream, key, signpost);
        if (current.isPresent() && !capped.isAfter(current.get())) {
            return state;
        }
        return state.withBookmark(stream, key, TextNode.valueOf(DateTimes.format(capped)));
    }

    /** A record's replication-key value as an instant: epoch seconds or an ISO string. */
    static Optional<Instant> valueOf(JsonNode record, String key) {
        JsonNode value = record.get(key);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            return Optional.of(DateTimes.fromEpoch(value.longValue())); // the common case, without a BigDecimal
        }
        return value.isNumber() ? Optional.of(DateTimes.fromEpoch(value.decimalValue())) : DateTimes.parse(value.asText());
    }
}
