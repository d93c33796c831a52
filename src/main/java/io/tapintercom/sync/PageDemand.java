package io.tapintercom.sync;

import java.time.Clock;
import java.util.ArrayDeque;

/**
 * How many pages of a read are worth having asked for and not yet taken: twice the pages its group takes while one
 * page is on its way (Little's law on the read's own pages), and a few to start with. A page that has arrived waits
 * in memory until the group takes it: 150 parents as JSON trees, about a megabyte. A group that takes its pages
 * slowly (each parent waits for requests of its own under the budget) needs few coming however many slices its read
 * is cut into, while one that takes them as they come (no requests per parent, slow search pages) needs one for each
 * open slice, and gets them as its pace shows: each page it takes at once makes room for two more. Before, every open
 * slice kept its next page coming, and a read was cut into as many slices as the client's requests in flight (200 at
 * 800 ms) whatever the group's pace: in a workspace of 80,000 contacts and 48,000 conversations at 800 ms, 173 pages
 * waited at once and the launcher's heap ran out. Used by the group's thread only.
 */
final class PageDemand {
    /** Pages coming before the group's pace is known. */
    static final int START = 4;
    /** Weight of the newest page's latency in the moving average. */
    static final double SMOOTHING = 0.2;

    private final Clock clock;
    /** When the group took each of its recent pages (within one page latency of now). */
    private final ArrayDeque<Long> taken = new ArrayDeque<>();
    private double latencyMillis = Double.NaN;

    PageDemand(Clock clock) {
        this.clock = clock;
    }

    /** A page the group takes now, asked for at {@code askedAtMillis} and arrived at {@code arrivedAtMillis}. */
    void taken(long askedAtMillis, long arrivedAtMillis) {
        long latency = Math.max(0, arrivedAtMillis - askedAtMillis);
        latencyMillis = Double.isNaN(latencyMillis) ? latency : latencyMillis + SMOOTHING * (latency - latencyMillis);
        taken.add(clock.millis());
    }

    /** The pages worth having coming now. */
    int pages() {
        long since = clock.millis() - (long) Math.ceil(Double.isNaN(latencyMillis) ? 0 : latencyMillis);
        while (!taken.isEmpty() && taken.peekFirst() <= since) {
            taken.pollFirst();
        }
        return START + 2 * taken.size();
    }
}
