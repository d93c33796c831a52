package io.tapintercom.fake;

/** How a search compares timestamps, which differs by stream and API version (reference §4). */
enum DateSemantics {
    /**
     * Contacts on numbered 2.x versions: matched by UTC calendar day; {@code >} starts at the next day, {@code <}
     * ends before the day, {@code =} is the whole day; other operators are rejected.
     */
    DAY_GRANULAR,
    /** Conversations and tickets: to the second, with {@code >} and {@code <} inclusive ("greater (or equal)"). */
    INCLUSIVE_SECONDS,
    /** Contacts on Preview: to the second, strict {@code >}/{@code <}. */
    EXACT_SECONDS
}
