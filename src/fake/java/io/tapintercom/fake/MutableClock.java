package io.tapintercom.fake;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock tests move by hand, so rate-limit windows and scroll expiry need no real sleeping. */
public final class MutableClock extends Clock {
    private volatile Instant instant;

    public MutableClock(Instant start) {
        this.instant = start;
    }

    public void advance(Duration duration) {
        synchronized (this) {
            instant = instant.plus(duration);
        }
    }

    public void advanceSeconds(long seconds) {
        advance(Duration.ofSeconds(seconds));
    }

    public void set(Instant newInstant) {
        instant = newInstant;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return instant;
    }
}
