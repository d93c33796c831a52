package io.tapintercom.streams.sources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tapintercom.intercom.ApiRequest;
import io.tapintercom.intercom.IntercomClient;
import io.tapintercom.intercom.pagination.Pages;
import io.tapintercom.intercom.pagination.Pagination;
import io.tapintercom.streams.ChildSource;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A list under a parent, such as GET /companies/{id}/segments: every item gets the parent's id
 * under {@code parentKey}, so rows can be joined back.
 */
public final class SubResourceChild implements ChildSource {
    private final String endpoint;
    private final String pathTemplate;
    private final String recordsKey;
    private final Supplier<Pagination> pagination;
    private final String parentKey;
    private final Predicate<JsonNode> needed;

    public SubResourceChild(String endpoint, String pathTemplate, String recordsKey, Supplier<Pagination> pagination,
                            String parentKey, Predicate<JsonNode> needed) {
        this.endpoint = endpoint;
        this.pathTemplate = pathTemplate;
        this.recordsKey = recordsKey;
        this.pagination = pagination;
        this.parentKey = parentKey;
        this.needed = needed;
    }

    @Override
    public boolean needed(JsonNode parent) {
        return needed.test(parent);
    }

    @Override
    public List<JsonNode> fetch(IntercomClient client, JsonNode parent) {
        String parentId = parent.path("id").asText();
        ApiRequest request = ApiRequest.get(endpoint, pathTemplate.replace("{id}", PathSegment.encode(parentId)));
        List<JsonNode> children = new ArrayList<>();
        for (JsonNode item : Pages.readAll(client, request, pagination.get(), recordsKey)) {
            ObjectNode child = item.deepCopy();
            child.put(parentKey, parentId);
            children.add(child);
        }
        return children;
    }
}
