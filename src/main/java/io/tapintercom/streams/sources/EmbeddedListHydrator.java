package io.tapintercom.streams.sources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tapintercom.intercom.ApiRequest;
import io.tapintercom.intercom.IntercomClient;
import io.tapintercom.intercom.pagination.Pages;
import io.tapintercom.intercom.pagination.Pagination;
import io.tapintercom.singer.Json;
import io.tapintercom.streams.Deletions;
import io.tapintercom.streams.RecordEnricher;
import java.util.List;
import java.util.function.Supplier;

/**
 * A contact embeds at most 10 of its tags, companies and notes, with "has_more" when there are more.
 * For those lists this reads the whole list from the contact's sub-resource and puts every item in,
 * in the same {type, id, url} shape, so the record is complete.
 */
public final class EmbeddedListHydrator implements RecordEnricher {
    /** One embedded list: the field, the sub-resource it is read from, and the url of its items. */
    public record EmbeddedList(String field, String subPath, Supplier<Pagination> pagination, String itemUrlPrefix) {}

    private final String endpointPrefix;
    private final String pathPrefix;
    private final List<EmbeddedList> lists;

    public EmbeddedListHydrator(String endpointPrefix, String pathPrefix, List<EmbeddedList> lists) {
        this.endpointPrefix = endpointPrefix;
        this.pathPrefix = pathPrefix;
        this.lists = List.copyOf(lists);
    }

    @Override
    public JsonNode enrich(IntercomClient client, JsonNode record) {
        ObjectNode copy = null;
        for (EmbeddedList list : lists) {
            JsonNode embedded = record.path(list.field());
            if (!embedded.path("has_more").asBoolean(false)) {
                continue;
            }
            if (copy == null) {
                copy = Json.shallowCopy(record);
            }
            String id = PathSegment.encode(record.path("id").asText());
            ApiRequest request = ApiRequest.get(endpointPrefix + "_" + list.field(), pathPrefix + id + "/" + list.subPath());
            // Deleted (or merged away) since the search returned it: reported deleted.
            List<JsonNode> items = Deletions.orGone(client.log(),
                    () -> Pages.readAll(client, request, list.pagination().get(), "data"),
                    endpointPrefix + " " + record.path("id").asText());
            ObjectNode full = Json.shallowCopy(embedded);
            ArrayNode data = full.putArray("data");
            for (JsonNode item : items) {
                String itemId = item.path("id").asText();
                data.addObject().put("type", item.path("type").asText()).put("id", itemId)
                        .put("url", list.itemUrlPrefix() + itemId);
            }
            full.put("total_count", Math.max(items.size(), embedded.path("total_count").asInt(0)));
            full.put("has_more", false);
            copy.set(list.field(), full);
        }
        return copy == null ? record : copy;
    }

    @Override
    public boolean findsGone() {
        return true;
    }
}
