package io.tapintercom.singer;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
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
    /** Epoch values above this are milliseconds: as seconds they would fall after the year 5000. */
    private static final long MILLIS_THRESHOLD = 100_000_000_000L;

    private DateTimes() {}

    public static String format(Instant instant) {
        return SINGER.format(instant);
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
