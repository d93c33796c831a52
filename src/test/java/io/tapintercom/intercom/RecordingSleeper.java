package io.tapintercom.intercom;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link Sleeper} that never sleeps: it records each wait, and moves the {@link TestClock} to the
 * moment the wait would have ended (from when it began, so threads waiting together do not add up).
 */
public final class RecordingSleeper implements Sleeper {
    private final TestClock clock;
    private final List<Duration> sleeps = new ArrayList<>();
    private final List<Long> wakeMillis = new ArrayList<>();

    public RecordingSleeper(TestClock clock) {
        this.clock = clock;
    }

    @Override
    public void sleep(Duration duration) {
        long start = clock.millis();
        clock.advanceTo(start + duration.toMillis());
        synchronized (this) {
            sleeps.add(duration);
            wakeMillis.add(start + duration.toMillis());
        }
    }

    public synchronized List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }

    /** When each wait ended, in epoch millis of the test clock. */
    public synchronized List<Long> wakeMillis() {
        return List.copyOf(wakeMillis);
    }

    public synchronized Duration total() {
        return sleeps.stream().reduce(Duration.ZERO, Duration::plus);
    }
}
