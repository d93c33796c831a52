package io.tapintercom.singer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.tapintercom.fake.MutableClock;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class MessageWriterTest {
    private static final Clock FIXED = Clock.fixed(Instant.parse("2024-05-01T12:00:00Z"), ZoneOffset.UTC);

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final MessageWriter writer = new MessageWriter(out, FIXED);

    private String written() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private static JsonNode json(String text) throws Exception {
        return Json.MAPPER.readTree(text);
    }

    @Test
    void writesSchemaWithBookmarkProperties() throws Exception {
        writer.schema("conversations", json("{\"type\":\"object\",\"properties\":{\"id\":{\"type\":\"string\"}}}"),
                List.of("id"), List.of("updated_at"));
        assertEquals("{\"type\":\"SCHEMA\",\"stream\":\"conversations\",\"schema\":{\"type\":\"object\",\"properties\":"
                + "{\"id\":{\"type\":\"string\"}}},\"key_properties\":[\"id\"],\"bookmark_properties\":[\"updated_at\"]}\n",
                written());
    }

    @Test
    void writesSchemaWithoutBookmarkPropertiesWhenThereAreNone() throws Exception {
        writer.schema("tags", json("{\"type\":\"object\"}"), List.of(), List.of());
        assertEquals("{\"type\":\"SCHEMA\",\"stream\":\"tags\",\"schema\":{\"type\":\"object\"},\"key_properties\":[]}\n",
                written());
    }

    @Test
    void writesRecordWithVersionAndTimeExtracted() throws Exception {
        writer.record("admins", json("{\"id\":\"7\",\"name\":\"Ada\"}"), "2024-05-01T12:00:00.000000Z", 3L);
        writer.close();
        assertEquals("{\"type\":\"RECORD\",\"stream\":\"admins\",\"record\":{\"id\":\"7\",\"name\":\"Ada\"},"
                + "\"version\":3,\"time_extracted\":\"2024-05-01T12:00:00.000000Z\"}\n", written());
    }

    @Test
    void writesRecordWithoutOptionalFields() throws Exception {
        writer.record("admins", json("{\"id\":\"7\"}"), null, null);
        writer.close();
        assertEquals("{\"type\":\"RECORD\",\"stream\":\"admins\",\"record\":{\"id\":\"7\"}}\n", written());
    }

    @Test
    void writesStateAndActivateVersion() throws Exception {
        writer.state(json("{\"bookmarks\":{\"companies\":{\"updated_at\":\"2024-05-01T12:00:00.000000Z\"}}}"));
        writer.activateVersion("teams", 1714564800000L);
        assertEquals("{\"type\":\"STATE\",\"value\":{\"bookmarks\":{\"companies\":{\"updated_at\":\"2024-05-01T12:00:00.000000Z\"}}}}\n"
                + "{\"type\":\"ACTIVATE_VERSION\",\"stream\":\"teams\",\"version\":1714564800000}\n", written());
    }

    @Test
    void recordsAreBufferedUntilAStateFlushesThemInOrder() throws Exception {
        writer.record("admins", json("{\"id\":\"1\"}"), null, null);
        writer.record("admins", json("{\"id\":\"2\"}"), null, null);
        assertEquals("", written());

        writer.state(json("{\"bookmarks\":{}}"));
        List<String> lines = written().lines().toList();
        assertEquals(3, lines.size());
        assertEquals("{\"type\":\"RECORD\",\"stream\":\"admins\",\"record\":{\"id\":\"1\"}}", lines.get(0));
        assertEquals("{\"type\":\"RECORD\",\"stream\":\"admins\",\"record\":{\"id\":\"2\"}}", lines.get(1));
        assertEquals("{\"type\":\"STATE\",\"value\":{\"bookmarks\":{}}}", lines.get(2));
    }

    @Test
    void aSchemaFlushesTheRecordsBeforeIt() throws Exception {
        writer.record("admins", json("{\"id\":\"1\"}"), null, null);
        writer.schema("teams", json("{\"type\":\"object\"}"), List.of("id"), List.of());
        assertEquals(2, written().lines().count());
    }

    @Test
    void aRecordAfterAQuietSpellIsFlushedAtOnce() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2024-05-01T12:00:00Z"));
        MessageWriter timed = new MessageWriter(out, clock);
        timed.record("admins", json("{\"id\":\"1\"}"), null, null);
        assertEquals("", written());
        clock.advance(Duration.ofSeconds(1));
        timed.record("admins", json("{\"id\":\"2\"}"), null, null);
        assertEquals(2, written().lines().count());
    }

    @Test
    void closeWritesBufferedRecordsAndNothingIsWrittenAfterIt() throws Exception {
        writer.record("admins", json("{\"id\":\"1\"}"), null, null);
        writer.close();
        String atClose = written();
        assertEquals("{\"type\":\"RECORD\",\"stream\":\"admins\",\"record\":{\"id\":\"1\"}}\n", atClose);

        writer.record("admins", json("{\"id\":\"2\"}"), null, null);
        writer.state(json("{\"bookmarks\":{}}"));
        writer.schema("admins", json("{}"), List.of("id"), List.of());
        writer.activateVersion("admins", 2);
        writer.close();
        assertEquals(atClose, written());
        assertEquals(1, writer.recordsWritten(), "a record refused after close() is not counted");
    }

    @Test
    void aMessageLargerThanTheBufferNeverLeavesACutLine() throws Exception {
        String big = "x".repeat(100 * 1024);
        writer.record("notes", Json.object().put("id", "1").put("body", big), null, null);
        String text = written();
        assertTrue(text.isEmpty() || text.endsWith("\n"), "stdout ends in the middle of a line");
        writer.record("notes", Json.object().put("id", "2"), null, null);
        writer.close();
        List<String> lines = written().lines().toList();
        assertEquals(2, lines.size());
        assertEquals(big, json(lines.get(0)).path("record").path("body").asText());
        assertEquals("2", json(lines.get(1)).path("record").path("id").asText());
    }

    @Test
    void manyRecordsFillingTheBufferStayWholeLines() throws Exception {
        String body = "y".repeat(1000);
        for (int i = 0; i < 500; i++) {
            writer.record("notes", Json.object().put("id", i).put("body", body), null, null);
            String text = written();
            assertTrue(text.isEmpty() || text.endsWith("\n"), "cut line after record " + i);
        }
        writer.close();
        assertEquals(500, written().lines().count());
        assertEquals(500, writer.recordsWritten());
    }

    @Test
    void concurrentWritersNeverInterleaveWithinALine() throws Exception {
        int threads = 8;
        int perThread = 400;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            futures.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < perThread; i++) {
                    writer.record("s" + thread, Json.object().put("id", thread + "-" + i).put("pad", "z".repeat(i % 300)), null, null);
                    if (i % 50 == 0) {
                        writer.state(Json.object().put("thread", thread).put("i", i));
                    }
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> future : futures) {
            future.get();
        }
        pool.shutdown();
        writer.close();

        Set<String> ids = new HashSet<>();
        int states = 0;
        for (String line : written().split("\n", -1)) {
            if (line.isEmpty()) {
                continue;
            }
            JsonNode message = json(line);
            if (message.path("type").asText().equals("RECORD")) {
                assertTrue(ids.add(message.path("record").path("id").asText()), "duplicate " + line);
            } else {
                assertEquals("STATE", message.path("type").asText());
                states++;
            }
        }
        assertEquals(threads * perThread, ids.size());
        assertEquals(threads * perThread / 50, states);
        assertTrue(written().endsWith("\n"));
        assertEquals(threads * perThread, writer.recordsWritten());
    }

    @Test
    void closingWhileOtherThreadsWriteLeavesOnlyWholeLines() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch started = new CountDownLatch(4);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int thread = t;
            futures.add(pool.submit(() -> {
                started.countDown();
                for (int i = 0; i < 2000; i++) {
                    writer.record("s", Json.object().put("id", thread + "-" + i).put("pad", "p".repeat(200)), null, null);
                }
                return null;
            }));
        }
        started.await();
        writer.close();
        for (Future<?> future : futures) {
            future.get();
        }
        pool.shutdown();
        String text = written();
        assertTrue(text.isEmpty() || text.endsWith("\n"));
        for (String line : text.lines().toList()) {
            assertEquals("RECORD", json(line).path("type").asText());
        }
        assertEquals(text.lines().count(), writer.recordsWritten());
    }

    @Test
    void nulCharactersAreLeftOutOfValuesAndFieldNamesByDefault() throws Exception {
        writer.record("notes", Json.object().put("id", "1").put("body", "a\u0000b\u00e9\u0000\u2603")
                .put("k\u0000ey", "\u0000"), null, null);
        writer.close();
        assertEquals("{\"type\":\"RECORD\",\"stream\":\"notes\",\"record\":{\"id\":\"1\",\"body\":\"ab\u00e9\u2603\","
                + "\"key\":\"\"}}\n", written());
    }

    @Test
    void otherControlCharactersAndAnEscapedBackslashBeforeZerosStayAsTheyWere() throws Exception {
        writer.record("notes", Json.object().put("body", "tab\t\u0001 quote\" \\u0000"), null, null);
        writer.close();
        assertEquals("tab\t\u0001 quote\" \\u0000", json(written()).path("record").path("body").asText());
    }

    @Test
    void withStrippingOffStringsPassExactly() throws Exception {
        MessageWriter exact = new MessageWriter(out, FIXED, false);
        exact.record("notes", Json.object().put("body", "a\u0000b"), null, null);
        exact.close();
        assertEquals("{\"type\":\"RECORD\",\"stream\":\"notes\",\"record\":{\"body\":\"a\\u0000b\"}}\n", written());
        assertEquals("a\u0000b", json(written()).path("record").path("body").asText());
    }
}
