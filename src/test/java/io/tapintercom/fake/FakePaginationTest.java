package io.tapintercom.fake;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every pagination style walks to the end and returns each record exactly once. */
class FakePaginationTest {
    private static FakeIntercom fake;
    private static FakeClient client;
    private static FakeWorkspace ws;

    @BeforeAll
    static void start() {
        fake = FakeIntercom.start(FakeOptions.small());
        client = new FakeClient(fake);
        ws = fake.workspace();
    }

    @AfterAll
    static void stop() {
        fake.close();
    }

    /** Page-number walk by incrementing page; returns ids in order. */
    private static List<String> walkPages(String path, int perPage, String itemsKey) {
        List<String> ids = new ArrayList<>();
        for (int page = 1; page < 1000; page++) {
            String sep = path.contains("?") ? "&" : "?";
            JsonNode body = client.get(path + sep + "page=" + page + "&per_page=" + perPage);
            body.get(itemsKey).forEach(n -> ids.add(n.get("id").asText()));
            JsonNode pages = body.get("pages");
            assertEquals("pages", pages.get("type").asText());
            assertTrue(pages.get("per_page").isTextual(), "per_page echoed as a string when sent");
            if (pages.get("next").isNull()) {
                assertEquals(page, Math.max(1, pages.get("total_pages").asInt()));
                return ids;
            }
            assertTrue(pages.get("next").asText().startsWith(fake.baseUrl() + "/"));
        }
        throw new AssertionError("pagination did not end");
    }

    /** Page-number walk following pages.next URLs. */
    private static List<String> followNext(String firstUrl, String itemsKey) {
        List<String> ids = new ArrayList<>();
        String url = firstUrl;
        int guard = 0;
        while (url != null && guard++ < 1000) {
            JsonNode body = client.get(url);
            body.get(itemsKey).forEach(n -> ids.add(n.get("id").asText()));
            JsonNode next = body.get("pages").get("next");
            url = next.isNull() ? null : next.asText();
        }
        return ids;
    }

    @Test
    void collectionsPageNewestFirst() {
        List<String> ids = walkPages("/help_center/collections", 3, "data");
        assertEquals(ws.expected(FakeWorkspace.COLLECTIONS).keySet(), new HashSet<>(ids));
        assertEquals(ids.size(), new HashSet<>(ids).size());
        JsonNode first = client.get("/help_center/collections");
        assertTrue(first.get("pages").get("per_page").isInt(), "per_page is an integer when not sent");
        assertEquals(ws.count(FakeWorkspace.COLLECTIONS), first.get("total_count").asInt());
    }

    @Test
    void articlesFollowNextUrlsSortedByUpdatedAtDescending() {
        List<String> ids = followNext("/articles?per_page=7", "data");
        assertEquals(ws.expected(FakeWorkspace.ARTICLES).keySet(), new HashSet<>(ids));
        assertEquals(ids.size(), new HashSet<>(ids).size());
        long previous = Long.MAX_VALUE;
        for (String id : ids) {
            long updated = ws.updatedAt(FakeWorkspace.ARTICLES, id);
            assertTrue(updated <= previous);
            previous = updated;
        }
    }

    @Test
    void contactNotesAndCompaniesPage() {
        String contact = ws.contactId(5);
        List<String> notes = walkPages("/contacts/" + contact + "/notes", 5, "data");
        assertTrue(notes.size() >= 12, "contact 5 has at least 12 notes: " + notes.size());
        assertEquals(notes.size(), new HashSet<>(notes).size());
        String manyCompanies = ws.contactId(13);
        List<String> companies = walkPages("/contacts/" + manyCompanies + "/companies", 5, "data");
        assertEquals(12, companies.size());
        assertEquals(404, FakeClient.call(() -> client.getRaw("/contacts/000000000000000000000000/notes"))
                .statusCode());
    }

    @Test
    void activityLogsFollowNextUntilNull() {
        List<String> ids = followNext("/admins/activity_logs?created_at_after=0&per_page=25", "activity_logs");
        assertEquals(ws.expected(FakeWorkspace.ACTIVITY_LOGS).keySet(), new HashSet<>(ids));
        assertEquals(ids.size(), new HashSet<>(ids).size());
        JsonNode missing = FakeClient.json(FakeClient.call(() -> client.getRaw("/admins/activity_logs")));
        assertEquals("parameter_not_found", missing.get("errors").get(0).get("code").asText());
        assertEquals(404, FakeClient.call(() -> client.getRaw("/admins/activity_logs")).statusCode());
    }

    @Test
    void activityLogWindowIsInclusive() {
        Map<String, Long> all = ws.expected(FakeWorkspace.ACTIVITY_LOGS);
        List<Long> times = new ArrayList<>(all.values());
        long from = times.get(10);
        long to = times.get(40);
        long expected = times.stream().filter(t -> t >= from && t <= to).count();
        List<String> ids = followNext("/admins/activity_logs?created_at_after=" + from + "&created_at_before=" + to
                + "&per_page=7", "activity_logs");
        assertEquals(expected, ids.size());
    }

    /** Cursor walk of a search; returns id -> updated_at in the order served. */
    static Map<String, Long> walkSearch(FakeClient c, String path, String itemsKey, String query, int perPage,
            String order) {
        Map<String, Long> seen = new LinkedHashMap<>();
        String cursor = null;
        int expectedPage = 1;
        long total = -1;
        do {
            JsonNode body = c.post(path, FakeClient.search(query, perPage, cursor, order));
            JsonNode pages = body.get("pages");
            assertEquals(expectedPage++, pages.get("page").asInt());
            if (total < 0) {
                total = body.get("total_count").asLong();
            }
            assertEquals(total, body.get("total_count").asLong());
            for (JsonNode item : body.get(itemsKey)) {
                Long prev = seen.put(item.get("id").asText(), item.get("updated_at").asLong());
                assertEquals(null, prev, "duplicate " + item.get("id"));
            }
            JsonNode next = pages.get("next");
            cursor = next == null ? null : next.get("starting_after").asText();
            if (next != null) {
                assertEquals(expectedPage, next.get("page").asInt());
            }
        } while (cursor != null);
        assertEquals(total, seen.size());
        return seen;
    }

    @Test
    void contactSearchWalksAllAscending() {
        Map<String, Long> seen = walkSearch(client, "/contacts/search", "data",
                "{\"field\":\"updated_at\",\"operator\":\">\",\"value\":0}", 150, "ascending");
        assertEquals(ws.expected(FakeWorkspace.CONTACTS), new LinkedHashMap<>(seen));
        long prev = Long.MIN_VALUE;
        for (long v : seen.values()) {
            assertTrue(v >= prev);
            prev = v;
        }
    }

    @Test
    void conversationAndTicketSearchesWalkAllDescending() {
        Map<String, Long> conversations = walkSearch(client, "/conversations/search", "conversations",
                "{\"field\":\"updated_at\",\"operator\":\">\",\"value\":0}", 17, "descending");
        assertEquals(ws.expected(FakeWorkspace.CONVERSATIONS), conversations);
        long prev = Long.MAX_VALUE;
        for (long v : conversations.values()) {
            assertTrue(v <= prev);
            prev = v;
        }
        Map<String, Long> tickets = walkSearch(client, "/tickets/search", "tickets",
                "{\"field\":\"updated_at\",\"operator\":\">\",\"value\":0}", 9, "ascending");
        assertEquals(ws.expected(FakeWorkspace.TICKETS), tickets);
    }

    @Test
    void searchWithAResidualFilterMatchesBruteForce() {
        Map<String, String> roles = new LinkedHashMap<>();
        String cursor = null;
        do {
            JsonNode body = client.post("/contacts/search", FakeClient.search(
                    "{\"field\":\"updated_at\",\"operator\":\">\",\"value\":0}", 150, cursor, "ascending"));
            body.get("data").forEach(n -> roles.put(n.get("id").asText(), n.get("role").asText()));
            JsonNode next = body.get("pages").get("next");
            cursor = next == null ? null : next.get("starting_after").asText();
        } while (cursor != null);
        long leads = roles.values().stream().filter("lead"::equals).count();
        assertTrue(leads > 0);
        String query = "{\"operator\":\"AND\",\"value\":[{\"field\":\"role\",\"operator\":\"=\",\"value\":\"lead\"},"
                + "{\"operator\":\"OR\",\"value\":[{\"field\":\"updated_at\",\"operator\":\">\",\"value\":0},"
                + "{\"field\":\"updated_at\",\"operator\":\"=\",\"value\":0}]}]}";
        Map<String, Long> found = walkSearch(client, "/contacts/search", "data", query, 13, "descending");
        assertEquals(leads, found.size());
        found.keySet().forEach(id -> assertEquals("lead", roles.get(id)));
    }

    @Test
    void companyScrollWalksAllThenEndsWithAnEmptyPage() {
        Set<String> ids = new HashSet<>();
        JsonNode body = client.get("/companies/scroll");
        String param = body.get("scroll_param").asText();
        int pages = 0;
        while (body.get("data").size() > 0) {
            pages++;
            assertTrue(body.get("pages").isNull());
            assertTrue(body.get("total_count").isNull());
            body.get("data").forEach(n -> assertTrue(ids.add(n.get("id").asText())));
            body = client.get("/companies/scroll?scroll_param=" + param);
            assertEquals(param, body.get("scroll_param").asText());
        }
        assertEquals(ws.expected(FakeWorkspace.COMPANIES).keySet(), ids);
        assertEquals((ws.count(FakeWorkspace.COMPANIES) + 49) / 50, pages);
        assertEquals(404, FakeClient.call(() -> client.getRaw("/companies/scroll?scroll_param=" + param))
                .statusCode());
    }

    @Test
    void contactsWithManyTagsEmbedTenAndListAll() {
        String contact = ws.contactId(7);
        JsonNode tags = client.get("/contacts/" + contact + "/tags");
        assertTrue(tags.get("data").size() > 10, "contact 7 has more than 10 tags");
        assertFalse(tags.has("pages"));
        JsonNode first = tags.get("data").get(0);
        assertTrue(first.has("applied_at") && first.has("applied_by"));
        JsonNode detail = client.get("/contacts/" + contact);
        JsonNode embedded = detail.get("tags");
        assertEquals(10, embedded.get("data").size());
        assertTrue(embedded.get("has_more").asBoolean());
        assertEquals(tags.get("data").size(), embedded.get("total_count").asInt());
        assertEquals("/contacts/" + contact + "/tags", embedded.get("url").asText());
    }
}
