package io.tapintercom.streams.sources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tapintercom.intercom.ApiRequest;
import io.tapintercom.intercom.pagination.Pages;
import io.tapintercom.intercom.pagination.Pagination;
import io.tapintercom.singer.Json;
import io.tapintercom.streams.ChildSource;
import io.tapintercom.streams.ParentRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * A list under a parent, one request (or one paged read) per parent, such as GET /contacts/{id}/notes:
 * every item gets the parent's id under {@code parentKey}, and any other parent field carried, so rows
 * can be joined back. {id} in the path or a query value stands for the parent's id.
 */
public final class SubResourceChild implements ChildSource {
    private final ApiRequest template;
    private final String recordsKey;
    private final Supplier<Pagination> pagination;
    private final Map<String, String> carried;
    private final Predicate<JsonNode> needed;
    private final UnaryOperator<ObjectNode> finish;

    /**
     * @param parentKey the field of each row holding the parent's id
     * @param needed    false when the parent shows it has no children, saving the request
     */
    public SubResourceChild(String pathTemplate, String recordsKey, Supplier<Pagination> pagination, String parentKey,
                            Predicate<JsonNode> needed) {
        this(ApiRequest.get(pathTemplate, pathTemplate), recordsKey, pagination, Map.of(parentKey, "id"), needed,
                UnaryOperator.identity());
    }

    private SubResourceChild(ApiRequest template, String recordsKey, Supplier<Pagination> pagination,
                             Map<String, String> carried, Predicate<JsonNode> needed, UnaryOperator<ObjectNode> finish) {
        this.template = template;
        this.recordsKey = recordsKey;
        this.pagination = pagination;
        this.carried = carried;
        this.needed = needed;
        this.finish = finish;
    }

    /** Also copies the parent's {@code parentField} into each row as {@code field}. */
    public SubResourceChild carrying(String field, String parentField) {
        Map<String, String> more = new LinkedHashMap<>(carried);
        more.put(field, parentField);
        return new SubResourceChild(template, recordsKey, pagination, more, needed, finish);
    }

    public SubResourceChild withQuery(String name, String value) {
        return new SubResourceChild(template.withQuery(name, value), recordsKey, pagination, carried, needed, finish);
    }

    /** A last touch on every row (a field computed from the others). */
    public SubResourceChild finishing(UnaryOperator<ObjectNode> rowFinish) {
        return new SubResourceChild(template, recordsKey, pagination, carried, needed, rowFinish);
    }

    /** Requests are labelled with the stream's name. */
    @Override
    public SubResourceChild named(String stream) {
        ApiRequest labelled = new ApiRequest(stream, template.method(), template.path(), template.query(), null, false,
                template.apiVersion());
        return new SubResourceChild(labelled, recordsKey, pagination, carried, needed, finish);
    }

    @Override
    public boolean needed(JsonNode parent) {
        return needed.test(parent);
    }

    @Override
    public List<JsonNode> fetch(ParentRecord parent) {
        JsonNode record = parent.listed();
        String parentId = record.path("id").asText();
        String encoded = PathSegment.encode(parentId);
        ApiRequest request = template.withPath(template.path().replace("{id}", encoded));
        for (Map.Entry<String, String> query : template.query().entrySet()) {
            request = request.withQuery(query.getKey(), query.getValue().replace("{id}", parentId));
        }
        List<JsonNode> children = new ArrayList<>();
        for (JsonNode item : Pages.readAll(parent.client(), request, pagination.get(), recordsKey)) {
            ObjectNode child = Json.shallowCopy(item);
            carried.forEach((field, parentField) -> child.set(field, EmbeddedChild.valueOf(record.get(parentField))));
            children.add(finish.apply(child));
        }
        return children;
    }
}
