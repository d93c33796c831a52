package io.tapintercom.intercom;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/** A clock that only moves when a test (or the {@link RecordingSleeper}) moves it. Thread-safe, never goes back. */
public final class TestClock extends Clock {
    /** 2023-11-14T22:13:20Z: a whole number of 10-second windows, so window arithmetic reads easily. */
    public static final long START_EPOCH_SECONDS = 1_700_000_000L;

    private final AtomicLong millis;

    public TestClock() {
        this(Instant.ofEpochSecond(START_EPOCH_SECONDS));
    }

    public TestClock(Instant start) {
        this.millis = new AtomicLong(start.toEpochMilli());
    }

    public void advance(Duration duration) {
        millis.addAndGet(duration.toMillis());
    }

    /** Moves the clock to {@code epochMillis} unless it is already past it. */
    public void advanceTo(long epochMillis) {
        millis.accumulateAndGet(epochMillis, Math::max);
    }

    public long epochSeconds() {
        return millis.get() / 1000;
    }

    @Override
    public long millis() {
        return millis.get();
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
