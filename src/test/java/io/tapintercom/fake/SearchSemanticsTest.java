package io.tapintercom.fake;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.LongPredicate;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Contact search matches dates by UTC day on 2.x; conversations and tickets compare seconds, inclusively. */
class SearchSemanticsTest {
    private static final long DAY = 86_400;
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

    private static Set<String> expectedWhere(String stream, LongPredicate keep) {
        return ws.expected(stream).entrySet().stream().filter(e -> keep.test(e.getValue())).map(Map.Entry::getKey)
                .collect(Collectors.toSet());
    }

    private static Set<String> search(String path, String items, String op, long value) {
        return FakePaginationTest.walkSearch(client, path, items,
                "{\"field\":\"updated_at\",\"operator\":\"" + op + "\",\"value\":" + value + "}", 150, "ascending")
                .keySet();
    }

    /** A mid-day second on the day holding the most contact updates, so day and second semantics differ. */
    private static long busyMidDay() {
        Map<Long, Long> perDay = new TreeMap<>();
        ws.expected(FakeWorkspace.CONTACTS).values().forEach(v -> perDay.merge(Math.floorDiv(v, DAY), 1L, Long::sum));
        long day = perDay.entrySet().stream().max(Map.Entry.comparingByValue()).get().getKey();
        return day * DAY + 43_210;
    }

    @Test
    void contactGreaterThanStartsAtTheNextUtcDay() {
        long v = busyMidDay();
        long dayStart = Math.floorDiv(v, DAY) * DAY;
        Set<String> found = search("/contacts/search", "data", ">", v);
        assertEquals(expectedWhere(FakeWorkspace.CONTACTS, u -> u >= dayStart + DAY), found);
        assertNotEquals(expectedWhere(FakeWorkspace.CONTACTS, u -> u > v), found,
                "the test day must hold updates after the mid-day instant");
    }

    @Test
    void contactLessThanEndsBeforeTheDayAndEqualsMatchesTheWholeDay() {
        long v = busyMidDay();
        long dayStart = Math.floorDiv(v, DAY) * DAY;
        assertEquals(expectedWhere(FakeWorkspace.CONTACTS, u -> u < dayStart), search("/contacts/search", "data", "<", v));
        Set<String> sameDay = search("/contacts/search", "data", "=", v);
        assertEquals(expectedWhere(FakeWorkspace.CONTACTS, u -> u >= dayStart && u < dayStart + DAY), sameDay);
        assertTrue(sameDay.size() > 1);
    }

    @Test
    void contactDateOperatorsOtherThanEqualsGreaterLessAreRejected() {
        for (String op : new String[] {">=", "<=", "!=", "IN"}) {
            String value = op.equals("IN") ? "[1700000000]" : "1700000000";
            HttpResponse<byte[]> r = FakeClient.call(() -> client.postRaw("/contacts/search",
                    "{\"query\":{\"field\":\"updated_at\",\"operator\":\"" + op + "\",\"value\":" + value + "}}"));
            assertEquals(400, r.statusCode(), op);
            assertEquals("error.list", FakeClient.json(r).get("type").asText());
        }
    }

    @Test
    void previewComparesContactsToTheSecond() {
        long v = busyMidDay();
        HttpResponse<byte[]> r = FakeClient.call(() -> client.send(client.request("/contacts/search")
                .setHeader("Intercom-Version", "Preview").header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(FakeClient.search(
                        "{\"field\":\"updated_at\",\"operator\":\">\",\"value\":" + v + "}", 150, null,
                        "ascending"))).build()));
        assertEquals(200, r.statusCode());
        assertEquals(expectedWhere(FakeWorkspace.CONTACTS, u -> u > v).size(),
                FakeClient.json(r).get("total_count").asInt());
    }

    @Test
    void conversationsAndTicketsCompareSecondsInclusively() {
        long pivot = ws.expected(FakeWorkspace.CONVERSATIONS).values().stream().sorted().skip(40).findFirst().get();
        assertEquals(expectedWhere(FakeWorkspace.CONVERSATIONS, u -> u >= pivot),
                search("/conversations/search", "conversations", ">", pivot));
        assertEquals(expectedWhere(FakeWorkspace.CONVERSATIONS, u -> u <= pivot),
                search("/conversations/search", "conversations", "<", pivot));
        assertEquals(expectedWhere(FakeWorkspace.CONVERSATIONS, u -> u == pivot),
                search("/conversations/search", "conversations", "=", pivot));
        long ticketPivot = ws.expected(FakeWorkspace.TICKETS).values().stream().sorted().skip(10).findFirst().get();
        assertEquals(expectedWhere(FakeWorkspace.TICKETS, u -> u >= ticketPivot),
                search("/tickets/search", "tickets", ">=", ticketPivot));
    }

    @Test
    void malformedQueriesAreRejected() {
        String tooDeep = "{\"query\":{\"operator\":\"AND\",\"value\":[{\"operator\":\"OR\",\"value\":["
                + "{\"operator\":\"AND\",\"value\":[{\"field\":\"id\",\"operator\":\"=\",\"value\":\"1\"}]}]}]}}";
        assertEquals(400, FakeClient.call(() -> client.postRaw("/conversations/search", tooDeep)).statusCode());
        StringBuilder many = new StringBuilder("{\"query\":{\"operator\":\"OR\",\"value\":[");
        for (int i = 0; i < 16; i++) {
            many.append(i == 0 ? "" : ",").append("{\"field\":\"id\",\"operator\":\"=\",\"value\":\"").append(i)
                    .append("\"}");
        }
        many.append("]}}");
        assertEquals(400, FakeClient.call(() -> client.postRaw("/conversations/search", many.toString()))
                .statusCode());
        HttpResponse<byte[]> badField = FakeClient.call(() -> client.postRaw("/contacts/search",
                "{\"query\":{\"field\":\"shoe_size\",\"operator\":\"=\",\"value\":\"9\"}}"));
        assertEquals("invalid_field", FakeClient.json(badField).get("errors").get(0).get("code").asText());
        HttpResponse<byte[]> badCursor = FakeClient.call(() -> client.postRaw("/contacts/search",
                "{\"pagination\":{\"starting_after\":\"bm9wZQ==\"}}"));
        assertEquals(400, badCursor.statusCode());
        HttpResponse<byte[]> bigPage = FakeClient.call(() -> client.postRaw("/contacts/search",
                "{\"pagination\":{\"per_page\":151}}"));
        assertEquals(400, bigPage.statusCode());
    }

    @Test
    void startingAfterInTheQueryStringIsIgnored() {
        String body = FakeClient.search("{\"field\":\"updated_at\",\"operator\":\">\",\"value\":0}", 10, null,
                "ascending");
        JsonNode first = client.post("/contacts/search", body);
        String cursor = first.get("pages").get("next").get("starting_after").asText();
        JsonNode again = client.post("/contacts/search?starting_after=" + cursor, body);
        assertEquals(first, again);
        JsonNode second = client.post("/contacts/search", FakeClient.search(
                "{\"field\":\"updated_at\",\"operator\":\">\",\"value\":0}", 10, cursor, "ascending"));
        assertEquals(2, second.get("pages").get("page").asInt());
        assertNotEquals(first.get("data"), second.get("data"));
    }

    @Test
    void searchResultsEmbedAtMostTenItemsAndNoParts() {
        JsonNode page = client.post("/contacts/search", FakeClient.search(
                "{\"field\":\"id\",\"operator\":\"=\",\"value\":\"" + ws.contactId(57) + "\"}", 10, null,
                "ascending"));
        JsonNode contact = page.get("data").get(0);
        assertEquals(10, contact.get("tags").get("data").size());
        assertTrue(contact.get("tags").get("has_more").asBoolean());
        JsonNode conversations = client.post("/conversations/search", FakeClient.search(
                "{\"field\":\"updated_at\",\"operator\":\">\",\"value\":0}", 5, null, "ascending"));
        conversations.get("conversations").forEach(c -> assertTrue(!c.has("conversation_parts")));
    }
}
