package io.tapintercom.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tapintercom.intercom.IntercomClient;
import io.tapintercom.singer.EncodedRecord;
import io.tapintercom.singer.Json;
import io.tapintercom.singer.RecordEncoder;
import io.tapintercom.singer.SdcDeletedAt;
import io.tapintercom.singer.state.SeenKeys;
import io.tapintercom.streams.Deletions;
import io.tapintercom.streams.ParentRecord;
import io.tapintercom.streams.RecordGoneException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs on worker threads: everything one parent record needs (its enrichment, its children's
 * requests or lists) and the transformation of what comes back, so the writing thread only writes.
 */
final class ParentExpander {
    private final IntercomClient client;
    private final StreamPlan root;
    private final Windows windows;
    private final RecordEncoder encoder;
    /** The _sdc_deleted_at of a record found gone when read whole: the sync's time. */
    private final Instant deletedAt;

    ParentExpander(IntercomClient client, StreamPlan root, Windows windows, RecordEncoder encoder, Instant deletedAt) {
        this.client = client;
        this.root = root;
        this.windows = windows;
        this.encoder = encoder;
        this.deletedAt = deletedAt;
    }

    Expansion expand(JsonNode parent, boolean withRoot, List<StreamPlan> children) {
        // Enriched once, when first needed: by the root's record or by a child taken from the parent.
        ParentRecord record = new ParentRecord(client, parent, root.definition().enricher());
        EncodedRecord rootRecord = null;
        if (withRoot && !windows.before(parent, root)) {
            try {
                rootRecord = root.prepare(record.enriched(), encoder);
            } catch (RecordGoneException e) {
                // Deleted or merged away since it was listed: its deletion goes out, and it has no children to read.
                return new Expansion(root.prepare(deletion(record), encoder), Map.of());
            }
        }
        Map<StreamPlan, List<EncodedRecord>> childRecords = new LinkedHashMap<>();
        for (StreamPlan child : children) {
            if (windows.before(parent, child) || !child.definition().childSource().needed(parent)) {
                continue;
            }
            List<EncodedRecord> rows = new ArrayList<>();
            for (JsonNode raw : fetchChildren(child, record)) {
                rows.add(child.prepare(raw, encoder));
            }
            childRecords.put(child, rows);
        }
        return new Expansion(rootRecord, childRecords);
    }

    /** A record found gone: its key and _sdc_deleted_at. */
    private ObjectNode deletion(ParentRecord record) {
        ObjectNode deleted = Json.object();
        SeenKeys.keyOf(record.listed(), root.definition().keyProperties())
                .ifPresent(key -> SeenKeys.putKey(deleted, key, root.definition().keyProperties()));
        return SdcDeletedAt.stamp(deleted, deletedAt);
    }

    /** A parent deleted between its read and this request has nothing to copy, and nothing is lost. */
    private List<JsonNode> fetchChildren(StreamPlan child, ParentRecord parent) {
        return Deletions.unlessDeleted(client.log(), () -> parent.rowsOf(child.definition().childSource()), List.of(),
                "stream " + child.name() + ": " + root.name() + " " + parent.listed().path("id").asText(), "skipped");
    }

    /** What one parent yields: its own record (if emitted and in its window) and its children's. */
    record Expansion(EncodedRecord root, Map<StreamPlan, List<EncodedRecord>> children) {}
}
