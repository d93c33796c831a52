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

    Expansion expand(Parent parent, boolean withRoot, List<StreamPlan> children) {
        JsonNode record = parent.record();
        // Enriched once, when first needed: by the root's record or by a child taken from the parent.
        ParentRecord enrichable = new ParentRecord(client, record, root.definition().enricher());
        EncodedRecord rootRecord = null;
        if (withRoot && !windows.before(record, root)) {
            try {
                rootRecord = root.prepare(enrichable.enriched(), encoder);
            } catch (RecordGoneException e) {
                // Deleted or merged away since it was listed: its deletion goes out, and it has no children to read.
                return new Expansion(parent.origin(), root.prepare(deletion(enrichable), encoder), Map.of());
            }
        }
        Map<StreamPlan, List<EncodedRecord>> childRecords = new LinkedHashMap<>();
        for (StreamPlan child : children) {
            if (windows.before(record, child) || !child.definition().childSource().needed(record)) {
                continue;
            }
            List<EncodedRecord> rows = new ArrayList<>();
            for (JsonNode raw : fetchChildren(child, enrichable)) {
                rows.add(child.prepare(raw, encoder));
            }
            childRecords.put(child, rows);
        }
        return new Expansion(parent.origin(), rootRecord, childRecords);
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

    /** A parent record and where it was read (the n-th record of a page), for messages about it. */
    record Parent(JsonNode record, int index, String where) {
        Origin origin() {
            return new Origin(record.path("id").asText(), index, where);
        }
    }

    /**
     * Where an expansion's parent was read, without the parent itself: an expansion may wait for its turn
     * to be written well after its parent's page was read, and holds only what it will write.
     */
    record Origin(String id, int index, String where) {
        String describe() {
            return "record " + index + " of " + where;
        }
    }

    /** What one parent yields: its own record (if emitted and in its window) and its children's. */
    record Expansion(Origin parent, EncodedRecord root, Map<StreamPlan, List<EncodedRecord>> children) {}
}
