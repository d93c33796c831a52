package io.tapintercom.sync;

import java.util.List;

/** A top-level stream and its selected children, read together: the parent is read once for all. */
record GroupPlan(StreamPlan root, List<StreamPlan> children) {
    GroupPlan {
        children = List.copyOf(children);
    }

    /** The name this group goes by in currently_syncing: the first stream it emits. */
    String name() {
        return root.emit() || children.isEmpty() ? root.name() : children.get(0).name();
    }

    /** The streams whose records this group writes: the root if selected, then its selected children. */
    List<StreamPlan> emitted() {
        List<StreamPlan> plans = new java.util.ArrayList<>();
        if (root.emit()) {
            plans.add(root);
        }
        plans.addAll(children);
        return plans;
    }

    boolean contains(String stream) {
        return root.name().equals(stream) || children.stream().anyMatch(c -> c.name().equals(stream));
    }
}
