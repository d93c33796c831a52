package io.tapintercom.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.tapintercom.singer.Json;
import io.tapintercom.singer.state.State;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class StateKeeperTest {
    static final Instant SIGNPOST = Instant.parse("2026-11-01T12:00:00Z");

    static Checkpoint at(String stream, String day) {
        return new Checkpoint(stream, "updated_at", Instant.parse(day + "T00:00:00Z"));
    }

    static JsonNode json(String text) {
        try {
            return Json.MAPPER.readTree(text.replace('\'', '"'));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void groupsFinishingOutOfOrderLeaveEveryStreamsBookmarkInEachStateAndCurrentlySyncingOnTheFirstUnfinished() {
        MemoryOutput out = new MemoryOutput();
        StateKeeper state = new StateKeeper(out.writer, State.empty(), SIGNPOST, false);

        state.started("contacts");
        state.started("conversations");
        state.checkpoint(List.of(at("conversations", "2026-10-02")));
        state.checkpoint(List.of(at("contacts", "2026-10-01")));
        state.checkpoint(List.of(at("conversations", "2026-10-05")));
        state.finished("conversations");
        state.checkpoint(List.of(at("contacts", "2026-10-03")));
        state.finished("contacts");
        state.write();

        assertEquals(List.of(
                json("{'bookmarks':{},'currently_syncing':'contacts'}"),
                json("{'bookmarks':{'conversations':{'updated_at':'2026-10-02T00:00:00.000000Z'}},'currently_syncing':'contacts'}"),
                json("{'bookmarks':{'conversations':{'updated_at':'2026-10-02T00:00:00.000000Z'},"
                        + "'contacts':{'updated_at':'2026-10-01T00:00:00.000000Z'}},'currently_syncing':'contacts'}"),
                json("{'bookmarks':{'conversations':{'updated_at':'2026-10-05T00:00:00.000000Z'},"
                        + "'contacts':{'updated_at':'2026-10-01T00:00:00.000000Z'}},'currently_syncing':'contacts'}"),
                json("{'bookmarks':{'conversations':{'updated_at':'2026-10-05T00:00:00.000000Z'},"
                        + "'contacts':{'updated_at':'2026-10-03T00:00:00.000000Z'}},'currently_syncing':'contacts'}"),
                json("{'bookmarks':{'conversations':{'updated_at':'2026-10-05T00:00:00.000000Z'},"
                        + "'contacts':{'updated_at':'2026-10-03T00:00:00.000000Z'}},'currently_syncing':null}")),
                out.states());
    }

    @Test
    void whenTheFirstGroupFinishesTheNextStateNamesTheNextOneStillRunning() {
        MemoryOutput out = new MemoryOutput();
        StateKeeper state = new StateKeeper(out.writer, State.empty(), SIGNPOST, false);
        state.started("contacts");
        state.started("tickets");

        state.finished("contacts");
        state.checkpoint(List.of(at("tickets", "2026-10-02")));

        assertEquals("tickets", out.states().get(1).path("currently_syncing").asText());
    }

    @Test
    void aStateThatDidNotChangeIsNotWrittenAgain() {
        MemoryOutput out = new MemoryOutput();
        StateKeeper state = new StateKeeper(out.writer, State.empty(), SIGNPOST, false);
        state.started("contacts");
        state.checkpoint(List.of(at("contacts", "2026-10-02")));
        state.checkpoint(List.of(at("contacts", "2026-10-01")));
        state.write();

        assertEquals(2, out.states().size());
    }
}
