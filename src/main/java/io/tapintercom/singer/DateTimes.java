package io.tapintercom.singer;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** The single RFC 3339 formatter and parser of the tap: UTC, six fraction digits, as singer-python writes. */
public final class DateTimes {
    private static final DateTimeFormatter SINGER =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);
    /**
     * The years 0001-9999, which the hand-written format covers. The formatter's "yyyy" is the year of the era,
     * so it writes the year 0 (1 BC) as 0001: such rare instants keep going through it, unchanged.
     */
    private static final long FIRST_FAST = -62_135_596_800L;
    private static final long LAST_FAST = 253_402_300_799L;
    /** Epoch values above this are milliseconds: as seconds they would fall after the year 5000. */
    private static final long MILLIS_THRESHOLD = 100_000_000_000L;

    private DateTimes() {}

    public static String format(Instant instant) {
        byte[] text = ascii(instant);
        return text == null ? SINGER.format(instant) : new String(text, StandardCharsets.US_ASCII);
    }

    /**
     * What {@link #format} gives, as the ASCII bytes a JSON writer can copy; null outside the years 0001-9999.
     * Every epoch field of every record comes through here: written by hand it costs a tenth of the formatter.
     */
    public static byte[] ascii(Instant instant) {
        long seconds = instant.getEpochSecond();
        if (seconds < FIRST_FAST || seconds > LAST_FAST) {
            return null;
        }
        LocalDateTime t = LocalDateTime.ofEpochSecond(seconds, instant.getNano(), ZoneOffset.UTC);
        byte[] text = new byte[27];
        digits(text, 0, t.getYear(), 4);
        text[4] = '-';
        digits(text, 5, t.getMonthValue(), 2);
        text[7] = '-';
        digits(text, 8, t.getDayOfMonth(), 2);
        text[10] = 'T';
        digits(text, 11, t.getHour(), 2);
        text[13] = ':';
        digits(text, 14, t.getMinute(), 2);
        text[16] = ':';
        digits(text, 17, t.getSecond(), 2);
        text[19] = '.';
        digits(text, 20, t.getNano() / 1000, 6);
        text[26] = 'Z';
        return text;
    }

    private static void digits(byte[] into, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            into[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
    }

    /** Epoch seconds (or milliseconds, recognised by size) to an instant; negative epochs are fine. */
    public static Instant fromEpoch(BigDecimal epoch) {
        BigDecimal abs = epoch.abs();
        if (abs.compareTo(BigDecimal.valueOf(MILLIS_THRESHOLD)) >= 0) {
            return Instant.ofEpochMilli(epoch.longValue());
        }
        long seconds = epoch.longValue();
        long nanos = epoch.subtract(BigDecimal.valueOf(seconds)).movePointRight(9).longValue();
        return Instant.ofEpochSecond(seconds, nanos);
    }

    /** {@link #fromEpoch(BigDecimal)} for a whole number: seconds, or milliseconds when that large. */
    public static Instant fromEpoch(long epoch) {
        return Math.abs(epoch) >= MILLIS_THRESHOLD ? Instant.ofEpochMilli(epoch) : Instant.ofEpochSecond(epoch);
    }

    /**
     * Parses an RFC 3339 / ISO 8601 date-time (any offset), or a plain {@code YYYY-MM-DD} as midnight UTC.
     * Empty when the text is neither.
     */
    public static Optional<Instant> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String value = text.trim();
        try {
            return Optional.of(OffsetDateTime.parse(value).toInstant());
        } catch (DateTimeParseException ignored) {
            // fall through to the other accepted forms
        }
        try {
            return Optional.of(ZonedDateTime.parse(value).toInstant());
        } catch (DateTimeParseException ignored) {
            // fall through
        }
        try {
            return Optional.of(LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant());
        } catch (DateTimeParseException ignored) {
            return Optional.empty();
        }
    }
}
