package io.tapintercom.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tapintercom.singer.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Realistic Intercom objects for the end-to-end tests, from src/test/resources/fixtures/: each file is
 * an object of API 2.14 as its OpenAPI description records or assembles it (every field, epoch-second
 * timestamps). Tests vary ids and timestamps from there.
 */
public final class Fixtures {
    private Fixtures() {}

    public static ObjectNode load(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + name + ".json")) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return (ObjectNode) Json.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fixture with another id and, when given, another updated_at (epoch seconds). */
    public static ObjectNode object(String name, String id, long updatedAt) {
        ObjectNode object = load(name);
        object.put("id", id);
        if (updatedAt > 0) {
            object.put("updated_at", updatedAt);
        }
        return object;
    }

    /** An unpaginated list: {"type": type, key: [...]}. */
    public static ObjectNode list(String type, String key, List<? extends JsonNode> items) {
        ObjectNode body = Json.object().put("type", type);
        body.putArray(key).addAll(items);
        return body;
    }

    /** A page of a search (cursor in pages.next.starting_after while more pages remain). */
    public static ObjectNode searchPage(String type, String key, List<? extends JsonNode> items, int page, int totalPages,
                                        long totalCount, String nextCursor) {
        ObjectNode body = list(type, key, items);
        body.put("total_count", totalCount);
        ObjectNode pages = body.putObject("pages").put("type", "pages").put("page", page).put("per_page", 150)
                .put("total_pages", totalPages);
        if (nextCursor != null) {
            pages.putObject("next").put("page", page + 1).put("starting_after", nextCursor);
        }
        return body;
    }

    /** A page of a ?page=N list. */
    public static ObjectNode numberedPage(String type, String key, List<? extends JsonNode> items, int page, int totalPages) {
        ObjectNode body = list(type, key, items);
        body.put("total_count", items.size());
        body.putObject("pages").put("type", "pages").put("page", page).put("per_page", 150).put("total_pages", totalPages)
                .putNull("next");
        return body;
    }

    public static ArrayNode array(JsonNode... items) {
        ArrayNode array = Json.array();
        for (JsonNode item : items) {
            array.add(item);
        }
        return array;
    }
}
