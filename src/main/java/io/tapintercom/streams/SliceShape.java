package io.tapintercom.streams;

import java.time.Duration;

/**
 * What cutting a source's read into slices read concurrently costs. A day-granular search matches whole
 * days, so each slice also reads what lies between its ends and the ends of their days: up to {@code reread}
 * of its neighbours' records, which it fetches and drops. No slice is worth less than {@code shortest}: two
 * slices within one day of a day-granular search would read the same pages.
 */
public record SliceShape(Duration shortest, Duration reread) {
    public SliceShape {
        if (shortest.isNegative() || shortest.isZero() || reread.isNegative()) {
            throw new IllegalArgumentException("a slice's shortest span must be positive and its re-read span not negative");
        }
    }
}
