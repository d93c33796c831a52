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
