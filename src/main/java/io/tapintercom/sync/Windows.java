package io.tapintercom.sync;

import com.fasterxml.jackson.databind.JsonNode;
import io.tapintercom.singer.state.State;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where each stream of a group starts reading (its bookmark less the attribution window, or
 * start_date), and how a parent record's replication key compares with those starts.
 */
final class Windows {
    private final Map<StreamPlan, Instant> starts = new LinkedHashMap<>();
    private final String parentKey;

    /** The group's windows; throws BadInputException, naming the stream, for a bookmark that is not a usable date. */
    static Windows of(GroupPlan group, State state, SyncSettings settings) {
        return new Windows(group.emitted(), group.root().definition().replication().replicationKey(), state, settings);
    }

    private Windows(List<StreamPlan> plans, String parentKey, State state, SyncSettings settings) {
        this.parentKey = parentKey;
        for (StreamPlan plan : plans) {
            starts.put(plan, plan.incremental()
                    ? Bookmarks.windowStart(state, plan.name(), plan.definition().replication().bookmarkKey(), settings)
                    : Instant.EPOCH);
        }
    }

    /** Where the group's one read of the parent starts: the earliest start of any of its streams. */
    Instant readFrom() {
        return starts.values().stream().min(Instant::compareTo).orElse(Instant.EPOCH);
    }

    Instant start(StreamPlan plan) {
        return starts.get(plan);
    }

    /** Whether a parent record is older than the stream's window start (and so not this run's for it). */
    boolean before(JsonNode parent, StreamPlan plan) {
        Instant start = starts.get(plan);
        return start != null && key(parent).map(k -> k.isBefore(start)).orElse(false);
    }

    Optional<Instant> key(JsonNode parent) {
        return parentKey == null ? Optional.empty() : Bookmarks.valueOf(parent, parentKey);
    }

    Optional<Instant> highest(List<JsonNode> parents) {
        return parents.stream().map(this::key).flatMap(Optional::stream).max(Instant::compareTo);
    }
}
