package io.tapintercom.sync;

/** A sync cannot go on for a reason the tap itself detected (not Intercom's refusal, not bad input). */
public final class SyncException extends RuntimeException {
    public SyncException(String message) {
        super(message);
    }
}
