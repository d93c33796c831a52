package io.tapintercom.fake;

import java.time.Clock;

/**
 * The one company scroll a workspace may have open (Intercom: "Each app can only have 1 scroll open at a time").
 * A scroll idle for the expiry period is gone; reaching the end closes it.
 */
final class ScrollRegistry {
    private final Clock clock;
    private final long idleExpiryMillis;
    private final long seed;
    private long scrollsStarted;
    private String param;
    private int offset;
    private long lastUsedMillis;

    ScrollRegistry(Clock clock, int idleExpirySeconds, long seed) {
        this.clock = clock;
        this.idleExpiryMillis = idleExpirySeconds * 1000L;
        this.seed = seed;
    }

    /** A position in the scroll, returned to the endpoint which then serves the page and reports back. */
    record Position(String param, int offset) {
    }

    private void expireIfIdle() {
        if (param != null && clock.millis() - lastUsedMillis >= idleExpiryMillis) {
            param = null;
        }
    }

    /**
     * Starts a scroll, or fails with 400 scroll_exists while another is open.
     *
     * @param commit false when the response will not reach the client, so the scroll must not be opened
     */
    synchronized Position start(boolean commit) throws ApiException {
        expireIfIdle();
        if (param != null) {
            throw new ApiException(400, "scroll_exists", "scroll already exists for this app");
        }
        String newParam = Mix.uuid(seed ^ Mix.SCROLL, scrollsStarted);
        if (commit) {
            scrollsStarted++;
            param = newParam;
            offset = 0;
            lastUsedMillis = clock.millis();
        }
        return new Position(newParam, 0);
    }

    /** The current position of an open scroll, or 404 not_found for an unknown, finished or expired param. */
    synchronized Position resume(String scrollParam) throws ApiException {
        expireIfIdle();
        if (param == null || !param.equals(scrollParam)) {
            throw new ApiException(404, "not_found", "Resource Not Found");
        }
        return new Position(param, offset);
    }

    /** Records that a page was delivered; {@code exhausted} closes the scroll (its param then expires). */
    synchronized void advance(String scrollParam, int newOffset, boolean exhausted) {
        if (param != null && param.equals(scrollParam)) {
            if (exhausted) {
                param = null;
            } else {
                offset = newOffset;
                lastUsedMillis = clock.millis();
            }
        }
    }

    /** After a scroll failure the client has to restart from the beginning. */
    synchronized void abort(String scrollParam) {
        if (param != null && param.equals(scrollParam)) {
            param = null;
        }
    }
}
