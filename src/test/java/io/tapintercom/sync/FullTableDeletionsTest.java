package io.tapintercom.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tapintercom.singer.Json;
import io.tapintercom.singer.Logger;
import io.tapintercom.streams.sources.ListSource;
import io.tapintercom.singer.MessageWriter;
import io.tapintercom.singer.SdcDeletedAt;
import io.tapintercom.singer.state.State;
import io.tapintercom.singer.transform.RecordTransformer;
import io.tapintercom.singer.transform.TransformIssues;
import io.tapintercom.streams.StreamDefinition;
import io.tapintercom.streams.sources.ListSource;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FullTableDeletionsTest {
    private static final Instant SIGNPOST = Instant.parse("2026-11-01T12:00:00Z");

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final MessageWriter writer = new MessageWriter(out, Clock.fixed(SIGNPOST, ZoneOffset.UTC));

    private static StreamPlan tags() {
        ObjectNode schema = Json.object().put("type", "object");
        schema.putObject("properties").putObject("id").put("type", "string");
        SdcDeletedAt.declareIn(schema);
        StreamDefinition definition = StreamDefinition.fullTable("tags", ListSource.whole("/tags", "data"));
        return new StreamPlan(definition, true, schema, RecordTransformer.compile("tags", schema,
                Set.of("id", SdcDeletedAt.FIELD), List.of("id"), new TransformIssues(Logger.discarding())), null);
    }

    private SyncContext context(State state) {
        SyncSettings settings = new SyncSettings(SIGNPOST, Instant.EPOCH, 30, 1, 0, 1);
        return new SyncContext(null, writer, Clock.fixed(SIGNPOST, ZoneOffset.UTC), Logger.discarding(), settings, null, null,
                new StateKeeper(writer, state, SIGNPOST, true), () -> 1);
    }

    private static State kept(String json) throws Exception {
        return State.empty().withBookmark("tags", "seen_keys", Json.MAPPER.readTree(json));
    }

    private List<JsonNode> written() throws Exception {
        writer.close();
        List<JsonNode> messages = new java.util.ArrayList<>();
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            if (!line.isEmpty()) {
                messages.add(Json.MAPPER.readTree(line));
            }
        }
        return messages;
    }

    @Test
    void keysMissingSinceTheLastCompleteSyncAreWrittenAsDeletionsAndTheNewKeysKept() throws Exception {
        StreamPlan tags = tags();
        FullTableDeletions deletions = new FullTableDeletions(List.of(tags), 3, Logger.discarding());
        SyncContext ctx = context(kept("[\"1\",\"2\",\"3\"]"));
        deletions.saw(tags, Json.object().put("id", "1"));
        deletions.saw(tags, Json.object().put("id", "4"));

        deletions.report(ctx, 42L);

        List<JsonNode> messages = written();
        assertEquals("[{\"type\":\"RECORD\",\"stream\":\"tags\",\"record\":{\"id\":\"2\",\"_sdc_deleted_at\":\"2026-11-01T12:00:00.000000Z\"},"
                + "\"version\":42,\"time_extracted\":\"2026-11-01T12:00:00.000000Z\"}, "
                + "{\"type\":\"RECORD\",\"stream\":\"tags\",\"record\":{\"id\":\"3\",\"_sdc_deleted_at\":\"2026-11-01T12:00:00.000000Z\"},"
                + "\"version\":42,\"time_extracted\":\"2026-11-01T12:00:00.000000Z\"}]", messages.toString());
        assertEquals("[\"1\",\"4\"]", ctx.state().current().bookmark("tags", "seen_keys").orElseThrow().toString());
    }

    @Test
    void nothingKeptMeansNothingReported() throws Exception {
        StreamPlan tags = tags();
        FullTableDeletions deletions = new FullTableDeletions(List.of(tags), 3, Logger.discarding());
        SyncContext ctx = context(State.empty());
        deletions.saw(tags, Json.object().put("id", "1"));

        deletions.report(ctx, 42L);

        assertTrue(written().isEmpty());
        assertEquals("[\"1\"]", ctx.state().current().bookmark("tags", "seen_keys").orElseThrow().toString());
    }

    @Test
    void pastTheCapAStreamKeepsNothingAndReportsNothing() throws Exception {
        StreamPlan tags = tags();
        FullTableDeletions deletions = new FullTableDeletions(List.of(tags), 2, Logger.discarding());
        SyncContext ctx = context(kept("[\"1\",\"2\",\"9\"]"));
        for (String id : List.of("1", "2", "3")) {
            deletions.saw(tags, Json.object().put("id", id));
        }

        deletions.report(ctx, 42L);

        assertTrue(written().isEmpty(), "9 may be gone, but with nothing reliable kept nothing is said");
        assertTrue(ctx.state().current().bookmark("tags", "seen_keys").isEmpty(), "a stale list would report wrong deletions later");
    }

    @Test
    void unusableKeptKeysReportNothingAndAreReplaced() throws Exception {
        StreamPlan tags = tags();
        FullTableDeletions deletions = new FullTableDeletions(List.of(tags), 3, Logger.discarding());
        SyncContext ctx = context(kept("{\"1\":true}"));
        deletions.saw(tags, Json.object().put("id", "1"));

        deletions.report(ctx, 42L);

        assertTrue(written().isEmpty());
        assertEquals("[\"1\"]", ctx.state().current().bookmark("tags", "seen_keys").orElseThrow().toString());
    }
}
