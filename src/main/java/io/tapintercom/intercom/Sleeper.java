package io.tapintercom.intercom;

import java.time.Duration;

/** Waiting, as a collaborator: production sleeps, tests record the wait and return at once. */
@FunctionalInterface
public interface Sleeper {
    Sleeper REAL = duration -> {
        if (!duration.isNegative() && !duration.isZero()) {
            Thread.sleep(duration.toMillis());
        }
    };

    void sleep(Duration duration) throws InterruptedException;
}
