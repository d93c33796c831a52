package io.tapintercom.sync;

import com.fasterxml.jackson.databind.JsonNode;
import io.tapintercom.singer.state.State;
import io.tapintercom.streams.ReadWindow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where each stream of a group starts reading (its bookmark less the attribution window, or
 * start_date), which records of a page are the read's, and how a parent record's replication key
 * compares with those starts. Built once per run, before any message, so a bad bookmark stops the
 * run before it starts.
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

    /**
     * The records of a page that are this read's: those whose replication key lies in the window
     * (before its start, or updated after its end, they are not), and those without one.
     */
    List<JsonNode> filter(List<JsonNode> records, ReadWindow window) {
        if (parentKey == null) {
            return records;
        }
        List<JsonNode> kept = new ArrayList<>(records.size());
        for (JsonNode record : records) {
            Optional<Instant> key = key(record);
            if (key.isEmpty() || (!key.get().isBefore(window.from()) && !key.get().isAfter(window.to()))) {
                kept.add(record);
            }
        }
        return kept;
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
