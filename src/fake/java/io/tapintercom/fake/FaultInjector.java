package io.tapintercom.fake;

import java.util.Random;

/**
 * Decides per request, from seeded generators, whether to inject a fault, so a run with the same seed and the same
 * request order sees the same faults. Scroll failures draw from their own generator so enabling them does not shift
 * the other faults.
 */
final class FaultInjector {
    private final Random requests;
    private final Random scrolls;
    private final double serverError;
    private final double truncated;
    private final double dropped;
    private final double scrollFailure;

    FaultInjector(FakeOptions options) {
        this.requests = new Random(Mix.hash(options.seed(), Mix.FAULT, 1));
        this.scrolls = new Random(Mix.hash(options.seed(), Mix.FAULT, 2));
        this.serverError = options.serverErrorRate();
        this.truncated = options.truncatedBodyRate();
        this.dropped = options.droppedConnectionRate();
        this.scrollFailure = options.scrollFailureRate();
    }

    /** @return null for a normal response */
    synchronized FaultKind next() {
        if (serverError == 0 && truncated == 0 && dropped == 0) {
            return null;
        }
        double r = requests.nextDouble();
        if (r < serverError) {
            return FaultKind.SERVER_ERROR;
        }
        if (r < serverError + truncated) {
            return FaultKind.TRUNCATED_BODY;
        }
        if (r < serverError + truncated + dropped) {
            return FaultKind.DROPPED_CONNECTION;
        }
        return null;
    }

    synchronized boolean nextScrollFailure() {
        return scrollFailure > 0 && scrolls.nextDouble() < scrollFailure;
    }
}
