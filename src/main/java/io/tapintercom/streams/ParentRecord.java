package io.tapintercom.streams;

import com.fasterxml.jackson.databind.JsonNode;
import io.tapintercom.intercom.IntercomClient;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One parent record as its children see it: enriched on first use only (a contact's complete lists),
 * and each child source read at most once, so streams derived from another child's rows (the
 * attachments of conversation parts) share its request. Used by one thread, for one parent.
 */
public final class ParentRecord {
    private final IntercomClient client;
    private final JsonNode listed;
    private final RecordEnricher enricher;
    private JsonNode enriched;
    private final Map<ChildSource, Object> reads = new HashMap<>();

    public ParentRecord(IntercomClient client, JsonNode listed, RecordEnricher enricher) {
        this.client = client;
        this.listed = listed;
        this.enricher = enricher;
    }

    public IntercomClient client() {
        return client;
    }

    /** The record as the parent's list or search returned it. */
    public JsonNode listed() {
        return listed;
    }

    /** The record completed by the parent stream's enricher: what the parent stream writes. */
    public JsonNode enriched() {
        if (enriched == null) {
            enriched = enricher.enrich(client, listed);
        }
        return enriched;
    }

    /** The rows a child source yields for this parent, read once; a failure is remembered, not retried. */
    @SuppressWarnings("unchecked")
    public List<JsonNode> rowsOf(ChildSource source) {
        Object read = reads.get(source);
        if (read == null) {
            try {
                read = source.fetch(this);
            } catch (RuntimeException e) {
                read = e;
            }
            reads.put(source, read);
        }
        if (read instanceof RuntimeException) {
            throw (RuntimeException) read;
        }
        return (List<JsonNode>) read;
    }
}
