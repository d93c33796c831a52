package io.tapintercom.sync;

import io.tapintercom.intercom.ResourceUnavailableException;
import io.tapintercom.singer.Logger;
import java.util.ArrayList;
import java.util.List;

/**
 * How a stream Intercom will not let the tap read is reported. Intercom apps get their permissions per
 * resource (and plans lack some endpoints), so a 403 or 404 on a group's resource is that group's
 * failure: the {@link GroupRunner} lets the others finish, and the run ends with one line for it naming
 * its streams, the request, the status and the permission likely missing. Its STATE stands.
 */
final class UnreadableStreams {
    private UnreadableStreams() {}

    /** The group, whose refusal by Intercom becomes a {@link StreamUnreadableException} with that line. */
    static GroupRunner.Group reporting(GroupPlan plan, GroupRunner.Group group, Logger log) {
        return new GroupRunner.Group() {
            @Override
            public String name() {
                return group.name();
            }

            @Override
            public void start() {
                group.start();
            }

            @Override
            public void run() {
                try {
                    group.run();
                } catch (ResourceUnavailableException refused) {
                    String line = line(plan, refused);
                    log.error("%s; the other streams go on, and this one's STATE stands for the next run", line);
                    throw new StreamUnreadableException(line, refused);
                }
            }
        };
    }

    static String line(GroupPlan plan, ResourceUnavailableException refused) {
        return describe(plan) + " could not be read: " + refused.getMessage()
                + (refused.status() == 404 ? " (" + refused.likelyCause() + ")" : "");
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
