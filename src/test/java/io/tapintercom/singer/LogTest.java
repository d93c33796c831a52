package io.tapintercom.singer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogTest {
    private static final String SECRET = "dG9rOmxvZy10ZXN0LXNlY3JldC0xMjM0NTY3ODk=";

    @Test
    void printsOneLevelPrefixedLinePerEvent() {
        try (LogCapture log = new LogCapture()) {
            Log.info("synced %d records of %s", 12, "admins");
            Log.warn("progress 100% without arguments");
            assertEquals(List.of("INFO synced 12 records of admins", "WARNING progress 100% without arguments"), log.lines());
        }
    }

    @Test
    void dropsEventsBelowTheLevel() {
        try (LogCapture log = new LogCapture(Log.Level.WARNING)) {
            Log.debug("hidden");
            Log.info("hidden too");
            Log.warn("shown");
            Log.critical("also shown");
            assertEquals(List.of("WARNING shown", "CRITICAL also shown"), log.lines());
        }
    }

    @Test
    void parsesLevelNamesIncludingPythonSpellings() {
        assertEquals(Log.Level.WARNING, Log.parseLevel("warn"));
        assertEquals(Log.Level.WARNING, Log.parseLevel(" Warning "));
        assertEquals(Log.Level.CRITICAL, Log.parseLevel("FATAL"));
        assertEquals(Log.Level.DEBUG, Log.parseLevel("debug"));
        assertNull(Log.parseLevel("verbose"));
        assertNull(Log.parseLevel(null));
    }

    @Test
    void aRegisteredSecretNeverAppearsInTheFormatOrItsArguments() {
        Log.addSecret(SECRET);
        try (LogCapture log = new LogCapture(Log.Level.DEBUG)) {
            Log.info("Authorization: Bearer " + SECRET);
            Log.warn("header was %s", "Bearer " + SECRET);
            Log.debug("config %s", java.util.Map.of("access_token", SECRET));
            assertFalse(log.text().contains(SECRET), log.text());
            assertEquals(List.of("INFO Authorization: Bearer ****", "WARNING header was Bearer ****",
                    "DEBUG config {access_token=****}"), log.lines());
        }
    }

    @Test
    void aRegisteredSecretNeverAppearsInExceptionText() {
        Log.addSecret(SECRET);
        RuntimeException cause = new IllegalStateException("request with token " + SECRET + " failed");
        RuntimeException wrapped = new RuntimeException("sync failed", cause);
        StringWriter trace = new StringWriter();
        wrapped.printStackTrace(new PrintWriter(trace));
        try (LogCapture log = new LogCapture()) {
            Log.error("%s", cause);
            Log.error("sync failed: %s%n%s", cause.getMessage(), trace);
            assertFalse(log.text().contains(SECRET), log.text());
            assertTrue(log.text().contains("request with token **** failed"), log.text());
        }
    }

    @Test
    void everyOccurrenceOfEverySecretIsRedacted() {
        String other = "second-secret-value-abcdef";
        Log.addSecret(SECRET);
        Log.addSecret(other);
        assertEquals("**** and **** and ****", Log.redact(SECRET + " and " + other + " and " + SECRET));
    }

    @Test
    void shortValuesAreNotTreatedAsSecretsSoLogsStayReadable() {
        Log.addSecret("abc");
        Log.addSecret(null);
        assertEquals("abc INFO abcdef", Log.redact("abc INFO abcdef"));
        assertNull(Log.redact(null));
    }
}
