package io.tapintercom.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tapintercom.singer.Json;
import io.tapintercom.singer.state.State;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CheckpointTest {
    static final Instant SIGNPOST = Instant.parse("2026-11-01T12:00:00Z");
    static final Checkpoint POINT = new Checkpoint("contacts", "updated_at", Instant.parse("2026-10-31T23:59:59Z"));

    @Test
    void aCheckpointGoesIntoTheStateAsTheStreamsBookmarkAndReadsBackUnchanged() {
        State state = POINT.applyTo(State.empty(), SIGNPOST);

        assertEquals(Json.object().put("updated_at", "2026-10-31T23:59:59.000000Z"), POINT.toJson());
        assertEquals(POINT.toJson(), state.toJson().path("bookmarks").path("contacts"));
        assertEquals(Optional.of(POINT), Checkpoint.in(state, "contacts", "updated_at", SIGNPOST));
        assertEquals(Optional.of(POINT), Checkpoint.fromJson("contacts", "updated_at", POINT.toJson()));
        assertEquals(Optional.of(POINT), Checkpoint.in(State.fromJson(state.toJson()), "contacts", "updated_at", SIGNPOST));
    }

    @Test
    void aBookmarkNeverMovesBack() {
        State state = POINT.applyTo(State.empty(), SIGNPOST);
        Checkpoint earlier = new Checkpoint("contacts", "updated_at", Instant.parse("2026-10-01T00:00:00Z"));

        assertEquals(state, earlier.applyTo(state, SIGNPOST));
    }

    @Test
    void aBookmarkNeverPassesTheSignpost() {
        Checkpoint beyond = new Checkpoint("contacts", "updated_at", Instant.parse("2100-01-01T00:00:00Z"));

        State state = beyond.applyTo(State.empty(), SIGNPOST);

        assertEquals(Optional.of(SIGNPOST), Checkpoint.in(state, "contacts", "updated_at", SIGNPOST).map(Checkpoint::value));
    }
}
