package io.tapintercom.sync;

import static io.tapintercom.sync.MemorySource.record;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.tapintercom.singer.Json;
import io.tapintercom.singer.state.State;
import io.tapintercom.streams.ReadWindow;
import io.tapintercom.streams.StreamDefinition;
import io.tapintercom.streams.sources.ConversationPartsChild;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class WindowsTest {
    static final Instant START = Instant.parse("2020-01-01T00:00:00Z");
    static final Instant SIGNPOST = Instant.parse("2026-11-01T12:00:00Z");
    static final SyncSettings SETTINGS = new SyncSettings(SIGNPOST, START, 30, 16, 0, 16);

    static final StreamDefinition CONVERSATIONS = StreamDefinition.incremental("conversations", "updated_at",
            new MemorySource(List.of(), 10, Duration.ofHours(1)));
    static final StreamDefinition PARTS = StreamDefinition.child("conversation_parts", CONVERSATIONS, "conversation_updated_at",
            new ConversationPartsChild());

    static GroupPlan group() {
        return new GroupPlan(new StreamPlan(CONVERSATIONS, true, null, null, null), List.of(new StreamPlan(PARTS, true, null, null, null)));
    }

    static State state(String conversations, String parts) {
        try {
            return State.fromJson(Json.MAPPER.readTree("{\"bookmarks\":{\"conversations\":{\"updated_at\":\"" + conversations
                    + "\"},\"conversation_parts\":{\"updated_at\":\"" + parts + "\"}}}"));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void eachStreamStartsAtItsBookmarkLessTheWindowAndTheGroupReadsFromTheEarliest() {
        Windows windows = Windows.of(group(), state("2026-10-31T00:00:00Z", "2026-10-11T00:00:00Z"), SETTINGS);

        assertEquals(Instant.parse("2026-09-11T00:00:00Z"), windows.readFrom());
        GroupPlan group = group();
        JsonNode between = record("c", Instant.parse("2026-09-20T00:00:00Z"));
        Windows fresh = Windows.of(group, state("2026-10-31T00:00:00Z", "2026-10-11T00:00:00Z"), SETTINGS);
        assertTrue(fresh.before(between, group.root()), "before the conversations' own window");
        assertFalse(fresh.before(between, group.children().get(0)), "within the parts' window");
    }

    @Test
    void withoutBookmarksEveryStreamStartsAtTheStartDate() {
        assertEquals(START, Windows.of(group(), State.empty(), SETTINGS).readFrom());
    }

    @Test
    void thePageFilterKeepsTheWindowInclusiveAtBothEnds() {
        Windows windows = Windows.of(group(), State.empty(), SETTINGS);
        Instant from = Instant.parse("2026-10-01T00:00:00Z");
        List<JsonNode> page = List.of(record("before", from.minusSeconds(1)), record("at", from), record("end", SIGNPOST),
                record("after", SIGNPOST.plusSeconds(1)), Json.object().put("id", "unkeyed"));

        List<JsonNode> kept = windows.filter(page, new ReadWindow(from, SIGNPOST));

        assertEquals(List.of("at", "end", "unkeyed"), kept.stream().map(r -> r.path("id").asText()).toList());
    }

    @Test
    void theAttributionWindowNeverReachesBeforeTheStartDate() {
        Instant late = Instant.parse("2026-10-20T00:00:00Z");
        SyncSettings settings = new SyncSettings(SIGNPOST, late, 30, 16, 0, 16);
        assertEquals(late, Windows.of(group(), state("2026-10-25T00:00:00Z", "2026-10-25T00:00:00Z"), settings).readFrom());
        assertEquals(Duration.ofDays(30), Duration.between(
                Windows.of(group(), state("2026-10-25T00:00:00Z", "2026-10-25T00:00:00Z"), SETTINGS).readFrom(),
                Instant.parse("2026-10-25T00:00:00Z")));
    }
}
