package io.tapintercom.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.tapintercom.singer.Logger;
import io.tapintercom.singer.Metrics;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The benchmark counts requests from the METRIC lines the tap writes, read as text: it must read them right. */
class RunTallyTest {
    @Test
    void countsRequests429sAndFailuresPerEndpointFromTheTapsOwnMetricLines() {
        RunTally tally = new RunTally();
        PrintStream stderr = new PrintStream(tally.stderr(false), true, StandardCharsets.UTF_8);
        Metrics metrics = new Metrics(Logger.to(stderr));
        metrics.timer("http_request_duration", 0.25, tags("/contacts/search", 200, "succeeded"));
        metrics.timer("http_request_duration", 0.5, tags("/contacts/search", 429, "failed"));
        metrics.timer("http_request_duration", 1.0, tags("/conversations/{id}", 503, "failed"));
        metrics.timer("http_request_duration", 0.1, tags("/conversations/{id}", null, "failed"));
        metrics.counter("record_count", 150, Map.of("endpoint", "/contacts/search"));
        stderr.println("INFO a line that is no metric");

        assertEquals(4, tally.totalRequests());
        assertEquals(1, tally.total429());
        assertEquals(2, tally.totalFailed());
        assertEquals(2, tally.endpoints.get("/contacts/search").requests);
        assertEquals(2, tally.endpoints.get("/conversations/{id}").failed);
    }

    @Test
    void readsStringAndNumberFieldsOfALine() {
        String line = "{\"type\":\"timer\",\"metric\":\"a \\\"quoted\\\" name\",\"tags\":{\"http_status_code\":429}}";
        assertEquals("a \\\"quoted\\\" name", RunTally.stringField(line, "metric"));
        assertEquals(429, RunTally.numberField(line, "http_status_code"));
        assertNull(RunTally.stringField(line, "endpoint"));
        assertEquals(-1, RunTally.numberField(line, "value"));
    }

    @Test
    void findsTheFirstNewlineAsAByteByByteScanWould() {
        java.util.Random random = new java.util.Random(13);
        for (int round = 0; round < 20_000; round++) {
            byte[] bytes = new byte[random.nextInt(40)];
            for (int i = 0; i < bytes.length; i++) {
                // Newlines, bytes just around them, and non-ASCII (negative) bytes, where the arithmetic could slip.
                bytes[i] = (byte) switch (random.nextInt(5)) {
                    case 0 -> '\n';
                    case 1 -> '\n' + random.nextInt(3) - 1;
                    case 2 -> 0x80 + random.nextInt(128);
                    default -> random.nextInt(256);
                };
            }
            int from = bytes.length == 0 ? 0 : random.nextInt(bytes.length + 1);
            int end = from + random.nextInt(bytes.length - from + 1);
            int expected = from;
            while (expected < end && bytes[expected] != '\n') {
                expected++;
            }
            assertEquals(expected, RunTally.nextNewline(bytes, from, end), java.util.Arrays.toString(bytes) + " " + from + ".." + end);
        }
    }

    @Test
    void countsRecordsPerStreamWhateverTheWritesLineUpWith() throws Exception {
        StringBuilder output = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            String stream = i % 3 == 0 ? "contacts" : "conversation_parts";
            output.append("{\"type\":\"RECORD\",\"stream\":\"").append(stream).append("\",\"record\":{\"id\":\"")
                    .append("x".repeat(i % 400)).append("\"}}\n");
            output.append("{\"type\":\"STATE\",\"value\":{}}\n");
        }
        byte[] bytes = output.toString().getBytes(StandardCharsets.UTF_8);
        RunTally tally = new RunTally();
        java.io.OutputStream stdout = tally.stdout();
        java.util.Random random = new java.util.Random(5);
        for (int at = 0; at < bytes.length; ) {
            int length = Math.min(bytes.length - at, random.nextInt(700));
            stdout.write(bytes, at, length);
            at += length;
        }

        assertEquals(100, tally.streams.get("contacts").records);
        assertEquals(200, tally.streams.get("conversation_parts").records);
        assertEquals(bytes.length, tally.bytes);
    }

    private static Map<String, Object> tags(String endpoint, Integer status, String outcome) {
        Map<String, Object> tags = new LinkedHashMap<>();
        tags.put("endpoint", endpoint);
        if (status != null) {
            tags.put("http_status_code", status);
        }
        tags.put("status", outcome);
        return tags;
    }
}
