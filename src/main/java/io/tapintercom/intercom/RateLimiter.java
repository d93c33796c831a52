package io.tapintercom.intercom;

import io.tapintercom.intercom.http.HttpReply;
import io.tapintercom.singer.Logger;
import java.time.Clock;
import java.time.Duration;

/**
 * Paces every thread of the client to Intercom's budget, read from the X-RateLimit-* headers of each
 * response. Intercom counts requests in fixed 10-second windows and says when the current one ends
 * (X-RateLimit-Reset, epoch seconds), so the limiter spends what remains of a window and then waits
 * for its end, instead of guessing with blind sleeps. It counts a request as spent when it is sent,
 * so requests in flight are never double-booked.
 *
 * <p>A request booked in a window's last moments can reach Intercom in the next one (a collection pause, a busy CPU
 * or the network between booking and arrival), where this limiter's own tally, started when the window turned,
 * does not hold it. Its answer shows it: counted in a window newer than the one it was booked in. Each such answer
 * takes one request from the budget left, so the window's end is not met with 429s.
 */
public final class RateLimiter {
    /** Slack after the announced reset, for clock skew between Intercom and this machine. */
    static final Duration RESET_MARGIN = Duration.ofMillis(250);
    /**
     * The furthest ahead a window can plausibly end: Intercom's windows last 10 seconds, 60 for some apps.
     * A reset announced further away (a proxy's or a server's bug) is capped here, or the tap would sleep
     * until then, possibly for years.
     */
    static final Duration LONGEST_WINDOW = Duration.ofSeconds(60);
    /**
     * The wait after a 429 that says nothing of the current window (refused in a window already over, or with no
     * usable count): short, so the window under way is not lost, but never an immediate hammering retry.
     */
    static final Duration PAUSE_AFTER_429 = Duration.ofSeconds(1);
    private static final long CAP_WARNING_INTERVAL_MILLIS = 60_000;
    private static final long UNKNOWN = -1;

    private final Clock clock;
    private final Sleeper sleeper;
    private final Logger log;
    private long limit = UNKNOWN;
    private long remaining = UNKNOWN;
    /** End of the current window, epoch millis; 0 when no window is known. */
    private long resetAtMillis;
    /**
     * The latest window end any response announced. Kept apart from resetAtMillis, which is cleared on
     * rollover or guessed, so that a late answer from a finished window is recognised as such.
     */
    private long lastReportedResetMillis;
    private long nextCapWarningMillis;
    /** No request is booked before this instant, epoch millis: see {@link #PAUSE_AFTER_429}. */
    private long pausedUntilMillis;
    /** Requests booked so far; the n-th booking is number n. */
    private long booked;
    /** The last booking before this limiter turned to a new window by its own clock; -1 before it ever did. */
    private long lastBookingBeforeRollover = -1;
    /** The end of the window those bookings were made in. */
    private long rolledOverFrom;

    public RateLimiter(Clock clock, Sleeper sleeper, Logger log) {
        this.clock = clock;
        this.sleeper = sleeper;
        this.log = log;
    }

    /**
     * Blocks until a request may be sent within the budget, and books it.
     *
     * @return the booking's number, for {@link #observe(HttpReply, long)} with the request's answer
     */
    public long acquire() throws InterruptedException {
        while (true) {
            Duration wait;
            synchronized (this) {
                wait = tryAcquire();
                if (wait.isZero()) {
                    return booked; // read under the same lock as the booking: another thread may book next
                }
            }
            sleeper.sleep(wait);
        }
    }

    /** Books a request and returns zero, or returns how long to wait before asking again. */
    synchronized Duration tryAcquire() {
        Duration wait = waitFor();
        if (wait.isZero()) {
            booked++;
        }
        return wait;
    }

    private Duration waitFor() {
        long now = clock.millis();
        if (now < pausedUntilMillis) {
            return Duration.ofMillis(pausedUntilMillis - now);
        }
        if (resetAtMillis > 0 && now >= resetAtMillis + RESET_MARGIN.toMillis()) {
            // The window Intercom announced is over: a fresh budget, until a response says otherwise.
            remaining = limit;
            rolledOverFrom = resetAtMillis;
            lastBookingBeforeRollover = booked;
            resetAtMillis = 0;
        }
        if (remaining == UNKNOWN) {
            return Duration.ZERO;
        }
        if (resetAtMillis > 0 && now >= resetAtMillis) {
            // Past the reset but within the margin: Intercom may already count a request sent now in the
            // new window, whose whole budget the rollover is about to hand out; spending the old window's
            // leftovers here would book them twice. Wait out the margin instead.
            return Duration.ofMillis(resetAtMillis + RESET_MARGIN.toMillis() - now);
        }
        if (remaining > 0) {
            remaining--;
            return Duration.ZERO;
        }
        if (resetAtMillis == 0) {
            // Exhausted with no known end: Intercom's windows are 10 seconds long at most.
            resetAtMillis = now + 10_000;
        }
        return Duration.ofMillis(Math.max(1, resetAtMillis + RESET_MARGIN.toMillis() - now));
    }

    /** Learns the budget from the answer to the request booked last (no other was booked after it). */
    public synchronized void observe(HttpReply reply) {
        observe(reply, booked);
    }

    /**
     * Learns the budget from a response's headers.
     *
     * @param booking what {@link #acquire()} returned for the request this answers
     */
    public synchronized void observe(HttpReply reply, long booking) {
        Long headerLimit = number(reply.header("X-RateLimit-Limit"));
        Long headerRemaining = number(reply.header("X-RateLimit-Remaining"));
        Long headerReset = number(reply.header("X-RateLimit-Reset"));
        boolean usableHeaders = headerRemaining != null && headerReset != null;
        boolean aboutThisWindow = false;
        if (usableHeaders) {
            long reset = plausible(headerReset);
            boolean bookedBlind = remaining == UNKNOWN;
            aboutThisWindow = learn(headerLimit, headerRemaining, reset);
            if (bookedBlind && remaining != UNKNOWN) {
                // Every other request booked so far was sent before any budget was known, and the count Intercom gave
                // may not hold it yet: those booked after this one, and those booked before it but overtaken on the
                // way. Take them all from it. At worst the first window leaves that many requests unspent; trusting
                // the count, or taking only those booked after, spent one or two too many in it (429s).
                remaining = Math.max(0, remaining - Math.max(0, booked - 1));
            }
            if (booking <= lastBookingBeforeRollover && reset > rolledOverFrom && reset == resetAtMillis && remaining > 0) {
                remaining--; // booked in the window before, counted in this one
            }
        }
        if (reply.status() == 429) {
            if (aboutThisWindow) {
                remaining = 0; // whatever its count said, this window is spent
            } else if (!usableHeaders) {
                // No usable count or end: stop for a whole window, the longest Intercom's default windows last.
                remaining = 0;
                resetAtMillis = clock.millis() + 10_000;
            } else if (remaining == UNKNOWN) {
                // Refused, and no answer yet was about a window under way (this machine's clock may be far ahead of
                // Intercom's, making every answer look late): from a moment from now, count in windows of its own.
                remaining = 0;
                resetAtMillis = clock.millis() + PAUSE_AFTER_429.toMillis();
            } else {
                // Refused in a window that is over, which says nothing of the one under way: zeroing that window and
                // guessing its end handed out a second whole budget within one real window, all of it refused.
                pausedUntilMillis = Math.max(pausedUntilMillis, clock.millis() + PAUSE_AFTER_429.toMillis());
            }
        }
    }

    /** The announced reset in epoch millis, at most one longest window ahead (with a warning, once a minute). */
    private long plausible(long resetEpochSeconds) {
        long now = clock.millis();
        long latest = now + LONGEST_WINDOW.toMillis();
        if (resetEpochSeconds <= latest / 1000) {
            return resetEpochSeconds * 1000;
        }
        if (now >= nextCapWarningMillis) {
            nextCapWarningMillis = now + CAP_WARNING_INTERVAL_MILLIS;
            log.warn("Intercom announced a rate-limit reset %d s away (X-RateLimit-Reset: %d); windows last at most %d s,"
                            + " so the tap waits no more than that", resetEpochSeconds - now / 1000, resetEpochSeconds,
                    LONGEST_WINDOW.toSeconds());
        }
        return latest;
    }

    /** @return whether the answer was about the window under way (not a late one from a finished window) */
    private boolean learn(Long headerLimit, long headerRemaining, long reportedReset) {
        if (headerLimit != null) {
            limit = headerLimit;
        }
        if (reportedReset + RESET_MARGIN.toMillis() <= clock.millis()) {
            // A late answer about a window already over by this clock: it says nothing of the current one.
            return false;
        }
        if (reportedReset > lastReportedResetMillis) {
            // A newer window. If this limiter already moved on by itself (rolled over at the last reported
            // reset, or guessed an end), the requests booked since are in flight in it: keep the lower count.
            boolean bookingAhead = remaining != UNKNOWN && resetAtMillis != lastReportedResetMillis;
            remaining = bookingAhead ? Math.min(remaining, headerRemaining) : headerRemaining;
            resetAtMillis = reportedReset;
            lastReportedResetMillis = reportedReset;
            return true;
        }
        if (reportedReset == resetAtMillis) {
            // Same window: responses can arrive out of order, so the lowest count is the truest.
            remaining = Math.min(remaining == UNKNOWN ? headerRemaining : remaining, headerRemaining);
            return true;
        }
        // Otherwise a late answer from an earlier window: taken for a newer one, it would reopen the
        // finished window and hand out a second full budget in the current one.
        return false;
    }

    public synchronized long limit() {
        return limit;
    }

    /** The budget in requests per second (Intercom counts in 10-second windows); NaN while none is known. */
    public synchronized double allowedPerSecond() {
        return limit == UNKNOWN ? Double.NaN : limit / 10.0;
    }

    private static Long number(String header) {
        if (header == null) {
            return null;
        }
        try {
            return (long) Double.parseDouble(header.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
