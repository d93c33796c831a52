package io.tapintercom.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tapintercom.intercom.IntercomClient;
import io.tapintercom.streams.Deletions;
import io.tapintercom.streams.ParentRecord;
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

    ParentExpander(IntercomClient client, StreamPlan root, Windows windows) {
        this.client = client;
        this.root = root;
        this.windows = windows;
    }

    Expansion expand(JsonNode parent, boolean withRoot, List<StreamPlan> children) {
        // Enriched once, when first needed: by the root's record or by a child taken from the parent.
        ParentRecord record = new ParentRecord(client, parent, root.definition().enricher());
        ObjectNode rootRecord = null;
        if (withRoot && !windows.before(parent, root)) {
            rootRecord = root.prepare(record.enriched());
        }
        Map<StreamPlan, List<ObjectNode>> childRecords = new LinkedHashMap<>();
        for (StreamPlan child : children) {
            if (windows.before(parent, child) || !child.definition().childSource().needed(parent)) {
                continue;
            }
            List<ObjectNode> rows = new ArrayList<>();
            for (JsonNode raw : fetchChildren(child, record)) {
                rows.add(child.prepare(raw));
            }
            childRecords.put(child, rows);
        }
        return new Expansion(rootRecord, childRecords);
    }

    /** A parent deleted between its read and this request has nothing to copy, and nothing is lost. */
    private List<JsonNode> fetchChildren(StreamPlan child, ParentRecord parent) {
        return Deletions.unlessDeleted(client.log(), () -> parent.rowsOf(child.definition().childSource()), List.of(),
                "stream " + child.name() + ": " + root.name() + " " + parent.listed().path("id").asText(), "skipped");
    }

    /** What one parent yields: its own record (if emitted and in its window) and its children's. */
    record Expansion(ObjectNode root, Map<StreamPlan, List<ObjectNode>> children) {}
}
