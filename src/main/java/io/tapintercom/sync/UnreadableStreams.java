package io.tapintercom.sync;

import io.tapintercom.intercom.ResourceUnavailableException;
import io.tapintercom.singer.Logger;
import java.util.ArrayList;
import java.util.List;

/**
 * The streams of a sync that Intercom would not let it read. Intercom apps get their permissions per
 * resource (and plans lack some endpoints), so a 403 or 404 on one resource stops only the group that
 * reads it; the others finish, and the sync then fails naming each stream it could not read. Any other
 * failure (a rejected token, retries exhausted) still stops the whole sync at once. Thread-safe, for
 * groups read in parallel.
 */
final class UnreadableStreams {
    private final List<String> lines = new ArrayList<>();
    private final Logger log;

    UnreadableStreams(Logger log) {
        this.log = log;
    }

    /** Takes the failure of a group if it concerns only that group's resource, and says so; false otherwise. */
    boolean absorb(GroupPlan group, RuntimeException failure) {
        if (!(failure instanceof ResourceUnavailableException refused)) {
            return false;
        }
        String line = describe(group) + " could not be read: " + refused.getMessage()
                + (refused.status() == 404 ? " (" + refused.likelyCause() + ")" : "");
        log.error("%s; the other streams go on, and this one's STATE stands for the next run", line);
        synchronized (lines) {
            lines.add(line);
        }
        return true;
    }

    /** After the last group: fails the sync if any stream could not be read. */
    void failIfAny() {
        synchronized (lines) {
            if (!lines.isEmpty()) {
                throw new StreamsUnreadableException(lines);
            }
        }
    }

    private static String describe(GroupPlan group) {
        List<String> names = new ArrayList<>();
        group.emitted().forEach(plan -> names.add(plan.name()));
        if (names.isEmpty()) {
            names.add(group.name());
        }
        return names.size() == 1 ? "stream " + names.get(0)
                : "streams " + String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }
}
