package io.tapintercom.sync;

import static io.tapintercom.sync.MemorySource.record;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tapintercom.singer.DateTimes;
import io.tapintercom.singer.Json;
import io.tapintercom.singer.Logger;
import io.tapintercom.singer.state.State;
import io.tapintercom.singer.transform.RecordTransformer;
import io.tapintercom.singer.transform.TransformIssues;
import io.tapintercom.streams.RecordSource;
import io.tapintercom.streams.StreamDefinition;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One group read whole from an in-memory source into an in-memory writer: the sync loop end to end, in milliseconds. */
class GroupSyncTest {
    static final Instant FROM = Instant.parse("2025-01-01T00:00:00Z");
    static final Instant SIGNPOST = Instant.parse("2026-01-01T00:00:00Z");
    final ExecutorService threads = Executors.newCachedThreadPool();
    final MemoryOutput out = new MemoryOutput();

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    static ObjectNode schema() {
        ObjectNode schema = Json.object().put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        properties.putObject("id").putArray("type").add("null").add("string");
        ObjectNode updated = properties.putObject("updated_at");
        updated.putArray("type").add("null").add("string");
        updated.put("format", "date-time");
        return schema;
    }

    void sync(RecordSource source) {
        StreamDefinition definition = StreamDefinition.incremental("contacts", "updated_at", source);
        ObjectNode schema = schema();
        RecordTransformer transformer = RecordTransformer.compile("contacts", schema, Set.of("id", "updated_at"), List.of("id"),
                new TransformIssues(Logger.discarding()));
        GroupPlan group = new GroupPlan(new StreamPlan(definition, true, schema, transformer, null), List.of());
        SyncSettings settings = new SyncSettings(SIGNPOST, FROM, 30, 8, 0, 4);
        StateKeeper state = new StateKeeper(out.writer, State.empty(), SIGNPOST, false);
        SyncContext context = new SyncContext(null, out.writer, Clock.fixed(SIGNPOST, ZoneOffset.UTC), Logger.discarding(), settings, threads,
                threads, state,
                () -> 8);
        GroupSync sync = new GroupSync(group, Windows.of(group, State.empty(), settings), context);
        state.started(sync.name());
        sync.start();
        sync.run();
    }

    /** Every STATE's bookmark has every record before it written before it. */
    void assertBookmarksOnlyPastWrittenRecords(List<JsonNode> all) {
        Set<String> written = new HashSet<>();
        Instant previous = null;
        for (JsonNode message : out.messages()) {
            if (message.path("type").asText().equals("RECORD")) {
                written.add(message.path("record").path("id").asText());
            } else if (message.path("type").asText().equals("STATE")) {
                JsonNode value = message.path("value").path("bookmarks").path("contacts").path("updated_at");
                if (value.isMissingNode()) {
                    continue;
                }
                Instant bookmark = DateTimes.parse(value.asText()).orElseThrow();
                assertTrue(previous == null || !bookmark.isBefore(previous), "the bookmark went back");
                assertFalse(bookmark.isAfter(SIGNPOST), "the bookmark passed the signpost");
                previous = bookmark;
                for (JsonNode record : all) {
                    if (Instant.ofEpochSecond(record.path("updated_at").asLong()).isBefore(bookmark)) {
                        assertTrue(written.contains(record.path("id").asText()), record + " is before the bookmark " + bookmark
                                + " but not written");
                    }
                }
            }
        }
    }

    @Test
    void aLongReadInSlicesWritesEveryRecordAndMovesTheBookmarkOnlyPastWrittenOnes() {
        List<JsonNode> records = SlicedReadTest.yearOfRecords(1500);
        MemorySource source = new MemorySource(records, 10, Duration.ofHours(1));

        sync(source);

        List<JsonNode> messages = out.messages();
        assertEquals("SCHEMA", messages.get(1).path("type").asText(), "SCHEMA before any RECORD");
        Set<String> ids = new HashSet<>();
        messages.stream().filter(m -> m.path("type").asText().equals("RECORD")).forEach(m -> ids.add(m.path("record").path("id").asText()));
        assertEquals(records.size(), ids.size());
        assertTrue(source.opened.size() > 2, "the read was sliced: " + source.opened.size());
        assertBookmarksOnlyPastWrittenRecords(records);
        Instant newest = Instant.ofEpochSecond(records.get(records.size() - 1).path("updated_at").asLong());
        assertEquals(DateTimes.format(newest), out.states().get(out.states().size() - 1).path("bookmarks").path("contacts")
                .path("updated_at").asText());
    }

    @Test
    void aRecordOutOfOrderIsSkippedAndTheReadGoesOn() {
        ScriptedSource source = new ScriptedSource().then(
                PageReaderTest.page(record("t1", FROM.plusSeconds(10)), record("t-2100", Instant.parse("2100-01-01T00:00:00Z")),
                        record("t2", FROM.plusSeconds(20))),
                PageReaderTest.page(record("t3", FROM.plusSeconds(30))));

        sync(source);

        List<String> ids = out.messages().stream().filter(m -> m.path("type").asText().equals("RECORD"))
                .map(m -> m.path("record").path("id").asText()).toList();
        assertEquals(List.of("t1", "t2", "t3"), ids);
    }

    @Test
    void aRecordWithoutItsKeyIsNotWrittenAndNoBookmarkMovesPastIt() {
        ObjectNode keyless = record("x", FROM.plusSeconds(40));
        keyless.remove("id");
        List<JsonNode> first = List.of(record("t1", FROM.plusSeconds(10)), record("t2", FROM.plusSeconds(20)));
        ScriptedSource source = new ScriptedSource().then(
                () -> MemorySource.page(first, 1, 2, 4),
                () -> MemorySource.page(List.of(record("t3", FROM.plusSeconds(30)), keyless), 2, 2, 4));

        SyncException failure = assertThrows(SyncException.class, () -> sync(source));

        assertEquals("stream contacts: record 2 of page 2 of the read from 2025-01-01T00:00:00.000000Z to"
                + " 2026-01-01T00:00:00.000000Z has no \"id\"; a record without its key cannot be written, so the stream stops"
                + " here (the STATE written so far is valid and no bookmark moved past it)", failure.getMessage());
        List<JsonNode> states = out.states();
        assertEquals("2025-01-01T00:00:20.000000Z", states.get(states.size() - 1).path("bookmarks").path("contacts")
                .path("updated_at").asText());
        assertTrue(out.messages().stream().noneMatch(m -> m.path("record").path("updated_at").asText().equals("2025-01-01T00:00:40.000000Z")));
    }

    @Test
    void aPageThatCannotBeReadLetsThePagesBeforeItBeWrittenAndCheckpointedFirst() {
        List<JsonNode> first = List.of(record("t1", FROM.plusSeconds(10)), record("t2", FROM.plusSeconds(20)));
        List<JsonNode> second = List.of(record("t3", FROM.plusSeconds(30)));
        ScriptedSource source = new ScriptedSource().then(
                () -> MemorySource.page(first, 1, 3, 4),
                () -> MemorySource.page(second, 2, 3, 4),
                () -> {
                    throw new SyncException("page 3 failed");
                });

        SyncException failure = assertThrows(SyncException.class, () -> sync(source));

        assertEquals("page 3 failed", failure.getMessage());
        List<String> ids = out.messages().stream().filter(m -> m.path("type").asText().equals("RECORD"))
                .map(m -> m.path("record").path("id").asText()).toList();
        assertEquals(List.of("t1", "t2", "t3"), ids, "the pages read before the failure are written");
        List<JsonNode> states = out.states();
        assertEquals("2025-01-01T00:00:30.000000Z", states.get(states.size() - 1).path("bookmarks").path("contacts")
                .path("updated_at").asText(), "and checkpointed");
    }
}
