package io.tapintercom.singer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DateTimesTest {

    private static String fromEpoch(String epoch) {
        return DateTimes.format(DateTimes.fromEpoch(new BigDecimal(epoch)));
    }

    private static String parsed(String text) {
        return DateTimes.parse(text).map(DateTimes::format).orElseThrow();
    }

    @Test
    void formatsInUtcWithSixFractionDigits() {
        assertEquals("2024-05-01T12:00:00.000000Z", DateTimes.format(Instant.parse("2024-05-01T12:00:00Z")));
        assertEquals("2024-05-01T12:00:00.123456Z", DateTimes.format(Instant.parse("2024-05-01T12:00:00.123456789Z")));
    }

    @Test
    void writesEveryInstantAsTheFormatterWould() {
        java.time.format.DateTimeFormatter formatter = java.time.format.DateTimeFormatter
                .ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(java.time.ZoneOffset.UTC);
        java.util.Random random = new java.util.Random(13);
        java.util.List<Instant> instants = new java.util.ArrayList<>(java.util.List.of(Instant.EPOCH,
                Instant.parse("0000-01-01T00:00:00Z"), Instant.parse("0000-12-31T23:59:59.999999Z"),
                Instant.parse("0001-01-01T00:00:00Z"), Instant.parse("9999-12-31T23:59:59.999999999Z"),
                Instant.parse("1969-12-31T23:59:59.000001Z"), Instant.parse("2024-02-29T23:59:59.999999Z")));
        for (int i = 0; i < 20_000; i++) {
            instants.add(Instant.ofEpochSecond(-62_200_000_000L + (long) (random.nextDouble() * 315_700_000_000L),
                    random.nextInt(1_000_000_000)));
        }
        for (Instant instant : instants) {
            assertEquals(formatter.format(instant), DateTimes.format(instant), instant.toString());
        }
    }

    @Test
    void readsEpochSeconds() {
        assertEquals("2024-05-01T12:00:00.000000Z", fromEpoch("1714564800"));
        assertEquals("1970-01-01T00:00:00.000000Z", fromEpoch("0"));
    }

    @Test
    void readsEpochMillisecondsRecognisedByTheirMagnitude() {
        assertEquals("2024-05-01T12:00:00.123000Z", fromEpoch("1714564800123"));
        // 99,999,999,999 is still seconds (year 5138); 100,000,000,000 is the first value read as milliseconds.
        assertEquals("5138-11-16T09:46:39.000000Z", fromEpoch("99999999999"));
        assertEquals("1973-03-03T09:46:40.000000Z", fromEpoch("100000000000"));
    }

    @Test
    void readsNegativeEpochsBeforeNineteenSeventy() {
        assertEquals("1969-12-31T23:59:59.000000Z", fromEpoch("-1"));
        assertEquals("1969-12-31T23:59:58.500000Z", fromEpoch("-1.5"));
        assertEquals("1966-10-31T14:13:20.000000Z", fromEpoch("-100000000000"));
    }

    @Test
    void keepsFractionalSeconds() {
        assertEquals("2024-05-01T12:00:00.250000Z", fromEpoch("1714564800.25"));
        assertEquals("2024-05-01T12:00:00.000001Z", fromEpoch("1714564800.000001"));
    }

    @ParameterizedTest
    @CsvSource({
            "2024-05-01T12:00:00Z,              2024-05-01T12:00:00.000000Z",
            "2024-05-01T12:00:00.5Z,            2024-05-01T12:00:00.500000Z",
            "2024-05-01T14:00:00+02:00,         2024-05-01T12:00:00.000000Z",
            "2024-05-01T07:30:00.123-04:30,     2024-05-01T12:00:00.123000Z",
            "2024-05-01T12:00:00.000000Z,       2024-05-01T12:00:00.000000Z",
            "2024-05-01T14:00:00+02:00[Europe/Paris], 2024-05-01T12:00:00.000000Z",
            "'  2024-05-01T12:00:00Z  ',        2024-05-01T12:00:00.000000Z",
    })
    void normalisesIsoDateTimesWithAnyOffsetToUtc(String text, String expected) {
        assertEquals(expected, parsed(text));
    }

    @Test
    void readsAPlainDateAsMidnightUtc() {
        assertEquals("2024-01-31T00:00:00.000000Z", parsed("2024-01-31"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "yesterday", "2024-13-01", "2024-02-30", "2024-05-01 12:00:00",
            "2024-05-01T12:00:00", "1714564800", "12:00:00Z"})
    void junkAndDateTimesWithoutAnOffsetGiveNothing(String text) {
        assertTrue(DateTimes.parse(text).isEmpty(), text);
    }

    @Test
    void nullGivesNothing() {
        assertTrue(DateTimes.parse(null).isEmpty());
    }
}
