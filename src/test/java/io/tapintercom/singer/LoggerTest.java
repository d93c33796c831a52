package io.tapintercom.singer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LoggerTest {
    private static final String SECRET = "dG9rOmxvZy10ZXN0LXNlY3JldC0xMjM0NTY3ODk=";

    @Test
    void printsOneLevelPrefixedLinePerEvent() {
        LogCapture log = new LogCapture();
        log.logger().info("synced %d records of %s", 12, "admins");
        log.logger().warn("progress 100% without arguments");
        assertEquals(List.of("INFO synced 12 records of admins", "WARNING progress 100% without arguments"), log.lines());
    }

    @Test
    void dropsEventsBelowTheLevel() {
        LogCapture log = new LogCapture(Logger.Level.WARNING);
        log.logger().debug("hidden");
        log.logger().info("hidden too");
        log.logger().warn("shown");
        log.logger().critical("also shown");
        assertEquals(List.of("WARNING shown", "CRITICAL also shown"), log.lines());
    }

    @Test
    void atLevelGivesANewLoggerOverTheSameSinkAndLeavesTheOriginalAlone() {
        LogCapture log = new LogCapture();
        Logger quiet = log.logger().atLevel(Logger.Level.ERROR);
        quiet.info("hidden");
        log.logger().info("shown");
        quiet.error("shown too");
        assertEquals(List.of("INFO shown", "ERROR shown too"), log.lines());
    }

    @Test
    void parsesLevelNamesIncludingPythonSpellings() {
        assertEquals(Logger.Level.WARNING, Logger.parseLevel("warn"));
        assertEquals(Logger.Level.WARNING, Logger.parseLevel(" Warning "));
        assertEquals(Logger.Level.CRITICAL, Logger.parseLevel("FATAL"));
        assertEquals(Logger.Level.DEBUG, Logger.parseLevel("debug"));
        assertNull(Logger.parseLevel("verbose"));
        assertNull(Logger.parseLevel(null));
    }

    @Test
    void aGivenSecretNeverAppearsInTheFormatOrItsArguments() {
        LogCapture log = new LogCapture(Logger.Level.DEBUG);
        log.logger().secrets().add(SECRET);
        log.logger().info("Authorization: Bearer " + SECRET);
        log.logger().warn("header was %s", "Bearer " + SECRET);
        log.logger().debug("config %s", Map.of("access_token", SECRET));
        assertFalse(log.text().contains(SECRET), log.text());
        assertEquals(List.of("INFO Authorization: Bearer ****", "WARNING header was Bearer ****",
                "DEBUG config {access_token=****}"), log.lines());
    }

    @Test
    void aGivenSecretNeverAppearsInExceptionTextAndATraceStaysOneLine() {
        LogCapture log = new LogCapture();
        log.logger().secrets().add(SECRET);
        RuntimeException cause = new IllegalStateException("request with token " + SECRET + " failed");
        StringWriter trace = new StringWriter();
        new RuntimeException("sync failed", cause).printStackTrace(new PrintWriter(trace));
        log.logger().error("%s", cause);
        log.logger().error("sync failed: %s%n%s", cause.getMessage(), trace);
        assertFalse(log.text().contains(SECRET), log.text());
        assertTrue(log.text().contains("request with token **** failed"), log.text());
        assertEquals(2, log.lines().size(), log.text());
    }

    @Test
    void controlCharactersCannotForgeALine() {
        LogCapture log = new LogCapture();
        log.logger().warn("user_agent %s is odd", "tap\r\nX-Evil: 1\u0000\u001b[31m");
        assertEquals(List.of("WARNING user_agent tap\\r\\nX-Evil: 1\\u0000\\u001b[31m is odd"), log.lines());
    }

    @Test
    void secretsAreKeptPerLoggerNotGlobally() {
        LogCapture one = new LogCapture();
        LogCapture other = new LogCapture();
        one.logger().secrets().add(SECRET);
        other.logger().info("%s", SECRET);
        assertTrue(other.text().contains(SECRET), "another run's secrets are its own");
    }

    @Test
    void everyOccurrenceOfEverySecretIsRedacted() {
        Secrets secrets = new Secrets();
        String other = "second-secret-value-abcdef";
        secrets.add(SECRET);
        secrets.add(other);
        assertEquals("**** and **** and ****", secrets.redact(SECRET + " and " + other + " and " + SECRET));
    }

    @Test
    void shortValuesAreNotTreatedAsSecretsSoLogsStayReadable() {
        Secrets secrets = new Secrets();
        secrets.add("abc");
        secrets.add(null);
        assertEquals("abc INFO abcdef", secrets.redact("abc INFO abcdef"));
        assertNull(secrets.redact(null));
    }

    @Test
    void metricLinesAreSingerMetricsWithEscapedTags() throws Exception {
        LogCapture log = new LogCapture();
        Map<String, Object> tags = new LinkedHashMap<>();
        tags.put("endpoint", "odd \"name\"\nhere");
        tags.put("http_status_code", 200);
        new Metrics(log.logger()).timer("http_request_duration", 0.25, tags);
        new Metrics(log.logger()).counter("record_count", 7, Map.of("endpoint", "admins"));
        List<String> lines = log.lines();
        assertEquals(2, lines.size(), log.text());
        JsonNode timer = Json.MAPPER.readTree(lines.get(0).substring("INFO METRIC: ".length()));
        assertEquals("timer", timer.path("type").asText());
        assertEquals("http_request_duration", timer.path("metric").asText());
        assertEquals(0.25, timer.path("value").asDouble());
        assertEquals("odd \"name\"\nhere", timer.path("tags").path("endpoint").asText());
        assertEquals(200, timer.path("tags").path("http_status_code").asInt());
        assertEquals("INFO METRIC: {\"type\":\"counter\",\"metric\":\"record_count\",\"value\":7,\"tags\":{\"endpoint\":\"admins\"}}",
                lines.get(1));
    }

    @Test
    void aMetricValueThatIsNoJsonNumberIsWrittenAsNull() throws Exception {
        LogCapture log = new LogCapture();
        new Metrics(log.logger()).timer("http_request_duration", Double.NaN, Map.of("endpoint", "admins"));
        assertEquals("INFO METRIC: {\"type\":\"timer\",\"metric\":\"http_request_duration\",\"value\":null,"
                + "\"tags\":{\"endpoint\":\"admins\"}}", log.lines().get(0));
        Json.MAPPER.readTree(log.lines().get(0).substring("INFO METRIC: ".length()));
    }

    @Test
    void metricsAreSilentBelowInfo() {
        LogCapture log = new LogCapture(Logger.Level.WARNING);
        new Metrics(log.logger()).counter("record_count", 1, Map.of());
        assertEquals("", log.text());
    }
}
