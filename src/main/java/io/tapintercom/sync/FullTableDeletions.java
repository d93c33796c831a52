package io.tapintercom.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tapintercom.singer.Json;
import io.tapintercom.singer.Logger;
import io.tapintercom.singer.SdcDeletedAt;
import io.tapintercom.singer.state.SeenKeys;
import io.tapintercom.singer.state.State;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What disappeared from full-table streams. The keys each full-table stream of a group writes are
 * collected; when the group's read has completed, every key the last complete sync kept in STATE that
 * did not come again is written as a deletion RECORD (its key and {@code _sdc_deleted_at}, the sync's
 * time), and the keys of this sync are kept instead. Nothing is kept before a read completes, so a
 * killed or --test run changes nothing, and a stream with nothing kept reports nothing.
 * Past {@link #CAP} keys a stream keeps none and its deletions go unreported, with a warning.
 */
final class FullTableDeletions {
    static final int CAP = 10_000;
    static final String BOOKMARK = "seen_keys";

    private final int cap;
    private final Logger log;
    private final Map<StreamPlan, Set<JsonNode>> seen = new LinkedHashMap<>();
    private final Set<StreamPlan> overflowed = new HashSet<>();

    FullTableDeletions(List<StreamPlan> plans, Logger log) {
        this(plans, CAP, log);
    }

    FullTableDeletions(List<StreamPlan> plans, int cap, Logger log) {
        this.cap = cap;
        this.log = log;
        plans.stream().filter(plan -> !plan.incremental()).forEach(plan -> seen.put(plan, new HashSet<>()));
    }

    /** A record just written. Called by the one thread that writes the group's records. */
    void saw(StreamPlan plan, JsonNode record) {
        Set<JsonNode> keys = seen.get(plan);
        if (keys == null || overflowed.contains(plan)) {
            return;
        }
        SeenKeys.keyOf(record, plan.definition().keyProperties()).ifPresent(keys::add);
        if (keys.size() > cap) {
            overflowed.add(plan);
            keys.clear();
        }
    }

    /**
     * Writes the deletion RECORDs, then keeps this sync's keys in the state. Call once every record of
     * the group is written and before the final ACTIVATE_VERSION. A run killed in between has not yet
     * changed the state, so the next one reports the same deletions again: a repeat, never a loss.
     */
    void report(SyncContext ctx, Long version) {
        Instant at = ctx.settings().signpost();
        String extracted = io.tapintercom.singer.DateTimes.format(ctx.clock().instant());
        for (Map.Entry<StreamPlan, Set<JsonNode>> entry : seen.entrySet()) {
            StreamPlan plan = entry.getKey();
            if (overflowed.contains(plan)) {
                log.warn("stream %s: more than %,d records; deletions in it are not reported (the tap keeps at most %,d keys"
                        + " per stream in STATE)", plan.name(), cap, cap);
                ctx.state().update(s -> s.withoutBookmark(plan.name(), BOOKMARK));
                continue;
            }
            SeenKeys now = SeenKeys.of(entry.getValue());
            List<JsonNode> gone = kept(ctx.state().current(), plan).map(before -> before.goneFrom(now)).orElse(List.of());
            for (JsonNode key : gone) {
                ObjectNode record = Json.object();
                SeenKeys.putKey(record, key, plan.definition().keyProperties());
                ctx.writer().record(plan.name(), plan.prepare(SdcDeletedAt.stamp(record, at), ctx.writer().encoder()), extracted, version);
            }
            if (!gone.isEmpty()) {
                log.info("stream %s: %,d records deleted since the last sync", plan.name(), gone.size());
            }
            ctx.state().update(s -> s.withBookmark(plan.name(), BOOKMARK, now.toJson()));
        }
    }

    private Optional<SeenKeys> kept(State state, StreamPlan plan) {
        Optional<JsonNode> json = state.bookmark(plan.name(), BOOKMARK);
        Optional<SeenKeys> keys = json.flatMap(j -> SeenKeys.fromJson(j, plan.definition().keyProperties().size()));
        if (json.isPresent() && keys.isEmpty()) {
            log.warn("stream %s: the %s kept in the state are not a list of keys; no deletions are reported this time",
                    plan.name(), BOOKMARK);
        }
        return keys;
    }
}
