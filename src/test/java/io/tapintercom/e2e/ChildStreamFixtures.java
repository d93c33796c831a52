package io.tapintercom.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.tapintercom.singer.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Shared pieces of the child-stream end-to-end tests (conversation parts, company segments, contact
 * notes, embedded lists) and the reference streams: Intercom objects built from the fixtures, search
 * stubs, the expected form of a record, and views of a run's output.
 */
final class ChildStreamFixtures {
    /** A day in the synced window (2026-09-21T14:13:20Z), well after start_date and before TapRun.NOW. */
    static final long T0 = 1_790_000_000L;

    private static final DateTimeFormatter SINGER =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private ChildStreamFixtures() {}

    // ---- files and output -------------------------------------------------------------------

    /** Discovers with the given config, then writes a catalog with only {@code streams} selected. */
    static String catalog(Path dir, String config, String... streams) {
        TapRun.Result discovered = TapRun.tap().run("--config", config, "--discover");
        assertEquals(0, discovered.exit(), discovered.toString());
        return E2E.write(dir, "catalog.json", E2E.select(discovered.json(), Set.of(streams)));
    }

    /** The run's messages as "TYPE:stream" ("STATE" for states), for checking their order. */
    static List<String> kinds(TapRun.Result result) {
        return result.messages().stream()
                .map(m -> m.path("type").asText() + (m.has("stream") ? ":" + m.path("stream").asText() : "")).toList();
    }

    /**
     * The run's messages with RECORDs of {@code stream} labelled by {@code field} of the record, e.g.
     * "RECORD:conversation_parts:c1" with field conversation_id; others as in {@link #kinds}.
     */
    static List<String> labelled(TapRun.Result result, Map<String, String> fieldPerStream) {
        List<String> out = new ArrayList<>();
        for (JsonNode m : result.messages()) {
            String kind = m.path("type").asText() + (m.has("stream") ? ":" + m.path("stream").asText() : "");
            String field = fieldPerStream.get(m.path("stream").asText());
            if (m.path("type").asText().equals("RECORD") && field != null) {
                kind += ":" + m.path("record").path(field).asText();
            }
            out.add(kind);
        }
        return out;
    }

    static JsonNode json(String text) {
        try {
            return Json.MAPPER.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same JSON re-read from its text, so numbers compare by value whatever node class built them. */
    static JsonNode normal(JsonNode node) {
        return json(node.toString());
    }

    static String iso(long epochSeconds) {
        return SINGER.format(Instant.ofEpochSecond(epochSeconds));
    }

    /**
     * What the tap should write for a raw API object, by the stream's SCHEMA: epoch seconds in
     * date-time fields become RFC 3339 with six fraction digits, numbers in string-only fields become
     * strings, fields the schema does not name are left out; everything else is unchanged.
     */
    static JsonNode expected(JsonNode raw, JsonNode schema) {
        return normal(conform(raw, schema));
    }

    private static JsonNode conform(JsonNode value, JsonNode schema) {
        if (value.isNull()) {
            return value;
        }
        if (value.isNumber() && schema.path("format").asText().equals("date-time")) {
            return TextNode.valueOf(iso(value.longValue()));
        }
        if (value.isNumber() && allows(schema, "string") && !allows(schema, "integer") && !allows(schema, "number")) {
            return TextNode.valueOf(value.asText());
        }
        if (value.isObject() && schema.has("properties")) {
            ObjectNode out = Json.object();
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                JsonNode property = schema.path("properties").get(field.getKey());
                if (property != null) {
                    out.set(field.getKey(), conform(field.getValue(), property));
                } else if (schema.path("additionalProperties").asBoolean(false)) {
                    out.set(field.getKey(), field.getValue());
                }
            }
            return out;
        }
        if (value.isArray() && schema.has("items")) {
            ArrayNode out = Json.array();
            value.forEach(item -> out.add(conform(item, schema.get("items"))));
            return out;
        }
        return value;
    }

    private static boolean allows(JsonNode schema, String type) {
        JsonNode types = schema.path("type");
        if (types.isTextual()) {
            return types.asText().equals(type);
        }
        for (JsonNode t : types) {
            if (t.asText().equals(type)) {
                return true;
            }
        }
        return false;
    }

    /** The SCHEMA message's schema of a stream. */
    static JsonNode schemaOf(TapRun.Result result, String stream) {
        return result.schema(stream).get("schema");
    }

    /** The requests WireMock served, oldest first, as "METHOD /path?query". */
    static List<String> requests(WireMockExtension server) {
        return server.getAllServeEvents().stream()
                .sorted(Comparator.comparing(e -> e.getRequest().getLoggedDate()))
                .map(ServeEvent::getRequest).map(r -> r.getMethod() + " " + r.getUrl()).toList();
    }

    // ---- Intercom objects ----------------------------------------------------------------------

    static ObjectNode conversation(String id, long updatedAt) {
        ObjectNode conversation = Fixtures.object("conversation", id, updatedAt);
        conversation.put("created_at", updatedAt - 3600);
        return conversation;
    }

    /** A part as GET /conversations/{id} returns it (recorded parts have integer ids; the schema wants strings). */
    static ObjectNode part(long id, long createdAt) {
        ObjectNode part = Fixtures.load("conversation_part");
        part.put("id", id);
        part.put("body", "<p>part " + id + "</p>");
        part.put("created_at", createdAt);
        part.put("updated_at", createdAt + 5);
        part.put("notified_at", createdAt + 5);
        return part;
    }

    /** {@code count} parts numbered from {@code firstId}, one a minute. */
    static List<ObjectNode> parts(long firstId, int count, long firstCreatedAt) {
        List<ObjectNode> parts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            parts.add(part(firstId + i, firstCreatedAt + 60L * i));
        }
        return parts;
    }

    /** GET /conversations/{id}: the conversation with its parts and the total Intercom says it has. */
    static ObjectNode withParts(ObjectNode conversation, List<ObjectNode> parts, long totalCount) {
        ObjectNode full = conversation.deepCopy();
        ObjectNode list = full.putObject("conversation_parts").put("type", "conversation_part.list");
        list.putArray("conversation_parts").addAll(parts);
        list.put("total_count", totalCount);
        return full;
    }

    /** The record the tap writes for a part of {@code conversation}. */
    static ObjectNode partRecord(JsonNode part, JsonNode conversation, long totalParts, JsonNode schema) {
        ObjectNode row = part.deepCopy();
        row.put("conversation_id", conversation.path("id").asText());
        row.set("conversation_created_at", conversation.path("created_at"));
        row.set("conversation_updated_at", conversation.path("updated_at"));
        row.put("conversation_total_parts", totalParts);
        return (ObjectNode) expected(row, schema);
    }

    static ObjectNode contact(String id, long updatedAt) {
        ObjectNode contact = Fixtures.object("contact", id, updatedAt);
        contact.put("created_at", updatedAt - 86_400);
        contact.put("email", id + "@example.com");
        for (String list : List.of("tags", "notes", "companies")) {
            ((ObjectNode) contact.get(list)).put("url", "/contacts/" + id + "/" + list);
        }
        ((ObjectNode) contact.get("opted_in_subscription_types")).put("url", "/contacts/" + id + "/subscriptions");
        ((ObjectNode) contact.get("opted_out_subscription_types")).put("url", "/contacts/" + id + "/subscriptions");
        return contact;
    }

    /** Sets a contact's embedded list: {@code ids} shown (at most 10), {@code total} in all. */
    static ObjectNode embed(ObjectNode contact, String field, String itemType, String urlPrefix, List<String> ids, int total) {
        ObjectNode list = (ObjectNode) contact.get(field);
        ArrayNode data = list.putArray("data");
        ids.forEach(id -> data.addObject().put("type", itemType).put("id", id).put("url", urlPrefix + id));
        list.put("total_count", total);
        list.put("has_more", total > ids.size());
        return contact;
    }

    static ObjectNode note(String id, String contactId, long createdAt) {
        ObjectNode note = Fixtures.object("note", id, 0);
        note.put("created_at", createdAt);
        note.put("body", "<p>note " + id + "</p>");
        ((ObjectNode) note.get("contact")).put("id", contactId);
        return note;
    }

    static ObjectNode company(String id, long updatedAt) {
        ObjectNode company = Fixtures.object("company", id, updatedAt);
        company.put("company_id", "remote-" + id);
        company.put("name", "Company " + id);
        return company;
    }

    static ObjectNode segment(String id, String name) {
        ObjectNode segment = Fixtures.object("segment", id, 0);
        segment.put("name", name);
        return segment;
    }

    // ---- responses ---------------------------------------------------------------------------------

    /** {"type":"list","data":[...]} without paging, as /contacts/{id}/tags and /companies/{id}/segments answer. */
    static String dataList(List<? extends JsonNode> items) {
        return Fixtures.list("list", "data", items).toString();
    }

    /** A page of a ?page=N list, with total_count for the whole list. */
    static String numberedPage(List<? extends JsonNode> items, int page, int totalPages, int totalCount, int perPage) {
        ObjectNode body = Fixtures.list("list", "data", items);
        body.put("total_count", totalCount);
        body.putObject("pages").put("type", "pages").put("page", page).put("per_page", perPage)
                .put("total_pages", totalPages).putNull("next");
        return body.toString();
    }

    static ResponseDefinitionBuilder notFound() {
        return aResponse().withStatus(404).withHeader("Content-Type", "application/json")
                .withBody("{\"type\":\"error.list\",\"request_id\":\"0a1b2c3d\",\"errors\":[{\"code\":\"not_found\","
                        + "\"message\":\"Resource Not Found\"}]}");
    }

    /**
     * Stubs POST {path} (a search) with the given pages: the first answers a request without a cursor,
     * page N+1 answers pagination.starting_after = the id of page N's last record.
     */
    static void stubSearch(WireMockExtension server, String path, String envelopeType, String recordsKey,
                           List<List<ObjectNode>> pages) {
        long total = pages.stream().mapToLong(List::size).sum();
        String cursor = null;
        for (int i = 0; i < pages.size(); i++) {
            List<ObjectNode> records = pages.get(i);
            String next = i + 1 < pages.size() ? records.get(records.size() - 1).path("id").asText() : null;
            String body = Fixtures.searchPage(envelopeType, recordsKey, records, i + 1, pages.size(), total, next).toString();
            var request = post(urlPathEqualTo(path));
            request = cursor == null
                    ? request.withRequestBody(notContaining("starting_after"))
                    : request.withRequestBody(matchingJsonPath("$.pagination.starting_after", com.github.tomakehurst.wiremock.client.WireMock.equalTo(cursor)));
            server.stubFor(request.willReturn(okJson(body)));
            cursor = next;
        }
    }

    static void stubConversationSearch(WireMockExtension server, List<List<ObjectNode>> pages) {
        stubSearch(server, "/conversations/search", "conversation.list", "conversations", pages);
    }

    static void stubContactSearch(WireMockExtension server, List<List<ObjectNode>> pages) {
        stubSearch(server, "/contacts/search", "list", "data", pages);
    }
}
