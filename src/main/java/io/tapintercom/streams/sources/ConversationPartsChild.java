package io.tapintercom.streams.sources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tapintercom.intercom.ApiRequest;
import io.tapintercom.singer.Json;
import io.tapintercom.singer.Metrics;
import io.tapintercom.streams.ChildSource;
import io.tapintercom.streams.ParentRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Every part of a conversation, from GET /conversations/{id}: all of them, not only the new ones,
 * since edits and redactions change old parts too. Intercom returns at most the 500 most recent
 * parts; when it says more exist, the shortfall is logged with the conversation id and counted.
 */
public final class ConversationPartsChild implements ChildSource {
    @Override
    public List<JsonNode> fetch(ParentRecord conversation) {
        String id = conversation.listed().path("id").asText();
        JsonNode full = conversation.client().send(ApiRequest.get("conversation", "/conversations/" + PathSegment.encode(id)));
        JsonNode list = full.path("conversation_parts");
        JsonNode parts = list.path("conversation_parts");
        long total = list.path("total_count").asLong(parts.size());
        if (total > parts.size()) {
            conversation.client().log().warn("conversation %s has %d parts but Intercom returns only the %d most recent", id, total,
                    parts.size());
            new Metrics(conversation.client().log()).counter("truncated_conversations", 1, Map.of("endpoint", "conversation_parts"));
        }
        List<JsonNode> out = new ArrayList<>(parts.size());
        for (JsonNode part : parts) {
            ObjectNode row = Json.shallowCopy(part);
            row.put("conversation_id", id);
            row.set("conversation_created_at", full.path("created_at"));
            row.set("conversation_updated_at", full.path("updated_at"));
            row.put("conversation_total_parts", total);
            out.add(row);
        }
        return out;
    }
}
