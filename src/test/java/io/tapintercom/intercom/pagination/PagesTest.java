package io.tapintercom.intercom.pagination;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tapintercom.config.Secret;
import io.tapintercom.intercom.ApiRequest;
import io.tapintercom.intercom.ClientSettings;
import io.tapintercom.intercom.IntercomApiException;
import io.tapintercom.intercom.IntercomClient;
import io.tapintercom.intercom.RateLimiter;
import io.tapintercom.intercom.RecordingSleeper;
import io.tapintercom.intercom.RetryPolicy;
import io.tapintercom.intercom.TestClock;
import io.tapintercom.intercom.http.HttpCall;
import io.tapintercom.singer.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Walking Intercom's page-number, search-cursor and scroll lists through the client. */
class PagesTest {
    private static final String BASE = "https://api.intercom.test";

    private ScriptedTransport transport;
    private IntercomClient client;

    @BeforeEach
    void setUp() {
        TestClock clock = new TestClock();
        RecordingSleeper sleeper = new RecordingSleeper(clock);
        transport = new ScriptedTransport();
        ClientSettings settings = new ClientSettings(BASE, new Secret("tok-pages-test-token"), "2.14",
                "tap-intercom/test", Duration.ofMillis(500), RetryPolicy.standard(3));
        client = new IntercomClient(settings, transport, new RateLimiter(clock, sleeper, io.tapintercom.singer.Logger.discarding()), sleeper, clock, new Random(1),
                io.tapintercom.singer.Logger.discarding());
    }

    static JsonNode json(String text) {
        try {
            return Json.MAPPER.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> ids(List<Page> pages) {
        List<String> ids = new ArrayList<>();
        pages.forEach(page -> page.records().forEach(record -> ids.add(record.path("id").asText())));
        return ids;
    }

    private static List<Page> walk(Pages pages) {
        List<Page> all = new ArrayList<>();
        pages.forEachRemaining(all::add);
        return all;
    }

    // --- page numbers ---------------------------------------------------------------------------

    @Test
    void pageNumbersCountUpToTotalPages() {
        // Intercom echoes page and per_page as strings when they were sent.
        transport.then("{\"type\":\"list\",\"data\":[{\"id\":\"a1\"},{\"id\":\"a2\"}],\"total_count\":5,"
                        + "\"pages\":{\"type\":\"pages\",\"page\":\"1\",\"per_page\":\"2\",\"total_pages\":3}}")
                .then("{\"type\":\"list\",\"data\":[{\"id\":\"a3\"},{\"id\":\"a4\"}],\"total_count\":5,"
                        + "\"pages\":{\"type\":\"pages\",\"page\":\"2\",\"per_page\":\"2\",\"total_pages\":3}}")
                .then("{\"type\":\"list\",\"data\":[{\"id\":\"a5\"}],\"total_count\":5,"
                        + "\"pages\":{\"type\":\"pages\",\"page\":\"3\",\"per_page\":\"2\",\"total_pages\":3,\"next\":null}}");

        List<Page> pages = walk(new Pages(client, ApiRequest.get("articles", "/articles"),
                new PageNumberPagination(2), "data"));

        assertEquals(List.of("a1", "a2", "a3", "a4", "a5"), ids(pages));
        assertEquals(5, pages.get(0).totalCount().orElseThrow());
        assertEquals(List.of(BASE + "/articles?per_page=2&page=1", BASE + "/articles?per_page=2&page=2",
                BASE + "/articles?per_page=2&page=3"), transport.urls());
    }

    @Test
    void aNextUrlIsFollowedOnTheConfiguredHost() {
        transport.then("{\"type\":\"conversation_list\",\"conversations\":[{\"id\":\"d1\"}],\"pages\":{\"type\":\"pages\","
                        + "\"page\":1,\"per_page\":1,\"total_pages\":2,"
                        + "\"next\":\"https://api.intercom.io/conversations/deleted?per_page=1&order=desc&page=2\"}}")
                .then("{\"type\":\"conversation_list\",\"conversations\":[{\"id\":\"d2\"}],\"pages\":{\"type\":\"pages\","
                        + "\"page\":2,\"per_page\":1,\"total_pages\":2,\"next\":null}}");

        List<Page> pages = walk(new Pages(client, ApiRequest.get("deleted_conversations", "/conversations/deleted"),
                new PageNumberPagination(1), "conversations"));

        assertEquals(List.of("d1", "d2"), ids(pages));
        assertEquals(List.of(BASE + "/conversations/deleted?per_page=1&page=1",
                BASE + "/conversations/deleted?per_page=1&order=desc&page=2"), transport.urls());
    }

    @Test
    void aSinglePageListStopsAfterOneRequest() {
        transport.then("{\"type\":\"list\",\"data\":[],\"pages\":{\"page\":1,\"per_page\":50,\"total_pages\":0}}");

        Pages pages = new Pages(client, ApiRequest.get("collections", "/help_center/collections"),
                new PageNumberPagination(50), "data");
        Page only = pages.next();

        assertEquals(List.of(), only.records());
        assertFalse(pages.hasNext());
        assertThrows(NoSuchElementException.class, pages::next);
        assertEquals(1, transport.calls().size());
    }

    @Test
    void aWholeListIsReadInOneGo() {
        transport.then("{\"type\":\"admin.list\",\"admins\":[{\"id\":\"1\"},{\"id\":\"2\"}]}");

        List<JsonNode> admins = Pages.readAll(client, ApiRequest.get("admins", "/admins"), Pagination.none(), "admins");

        assertEquals(List.of("1", "2"), admins.stream().map(a -> a.path("id").asText()).toList());
        assertEquals(List.of(BASE + "/admins"), transport.urls());
    }

    // --- search cursors -------------------------------------------------------------------------

    private static ApiRequest search() {
        return ApiRequest.post("contacts_search", "/contacts/search", json(
                "{\"query\":{\"field\":\"updated_at\",\"operator\":\">\",\"value\":1700000000},"
                        + "\"sort\":{\"field\":\"updated_at\",\"order\":\"ascending\"}}"));
    }

    private static String searchPage(String id, String nextCursor) {
        String next = nextCursor == null ? "" : ",\"next\":{\"page\":2,\"starting_after\":\"" + nextCursor + "\"}";
        return "{\"type\":\"list\",\"data\":[{\"type\":\"contact\",\"id\":\"" + id + "\"}],\"total_count\":3,"
                + "\"pages\":{\"type\":\"pages\",\"page\":1,\"per_page\":1,\"total_pages\":3" + next + "}}";
    }

    @Test
    void theSearchCursorGoesInTheBodyNeverInTheQueryString() {
        transport.then(searchPage("c1", "WzE3MDAwMDAwMDEwMDAsMV0="))
                .then(searchPage("c2", "WzE3MDAwMDAwMDIwMDAsMl0="))
                .then(searchPage("c3", null));

        List<Page> pages = walk(new Pages(client, search(), new SearchPagination(1), "data"));

        assertEquals(List.of("c1", "c2", "c3"), ids(pages));
        List<HttpCall> calls = transport.calls();
        assertEquals(3, calls.size());
        for (HttpCall call : calls) {
            assertEquals("POST", call.method());
            assertEquals(BASE + "/contacts/search", call.url(), "nothing in the query string");
            JsonNode body = json(call.body());
            assertEquals("updated_at", body.path("query").path("field").asText(), "the query is kept");
            assertEquals("ascending", body.path("sort").path("order").asText());
            assertEquals(1, body.path("pagination").path("per_page").asInt());
        }
        assertTrue(json(calls.get(0).body()).path("pagination").path("starting_after").isMissingNode());
        assertEquals("WzE3MDAwMDAwMDEwMDAsMV0=",
                json(calls.get(1).body()).path("pagination").path("starting_after").asText());
        assertEquals("WzE3MDAwMDAwMDIwMDAsMl0=",
                json(calls.get(2).body()).path("pagination").path("starting_after").asText());
    }

    @Test
    void theSearchBodyTheCallerPassedIsNotChanged() {
        transport.then(searchPage("c1", null));
        ApiRequest base = search();
        String before = base.body().toString();

        walk(new Pages(client, base, new SearchPagination(150), "data"));

        assertEquals(before, base.body().toString());
        assertEquals(150, json(transport.calls().get(0).body()).path("pagination").path("per_page").asInt());
    }

    @Test
    void aRepeatedCursorIsALoopNotMorePages() {
        transport.then(searchPage("c1", "Y3Vyc29yLUE="))
                .then(searchPage("c2", "Y3Vyc29yLUI="))
                .then(searchPage("c2", "Y3Vyc29yLUE="));

        Pages pages = new Pages(client, search(), new SearchPagination(1), "data");
        assertEquals(List.of("c1"), ids(List.of(pages.next())));
        assertEquals(List.of("c2"), ids(List.of(pages.next())));
        CursorLoopException loop = assertThrows(CursorLoopException.class, pages::next);

        assertTrue(loop.getMessage().contains("POST /contacts/search"), loop.getMessage());
        assertEquals(3, transport.calls().size(), "no request after the repeat");
    }

    @Test
    void anEmptyOrNullCursorEndsTheSearch() {
        transport.then("{\"type\":\"list\",\"data\":[{\"id\":\"c1\"}],\"pages\":{\"next\":{\"starting_after\":\"\"}}}");
        assertEquals(List.of("c1"), ids(walk(new Pages(client, search(), new SearchPagination(1), "data"))));

        transport.then("{\"type\":\"list\",\"data\":[{\"id\":\"c2\"}],\"pages\":{\"next\":{\"starting_after\":null}}}");
        assertEquals(List.of("c2"), ids(walk(new Pages(client, search(), new SearchPagination(1), "data"))));
    }

    // --- scroll ---------------------------------------------------------------------------------

    private static String scrollPage(String param, String... ids) {
        StringBuilder data = new StringBuilder();
        for (String id : ids) {
            data.append(data.length() == 0 ? "" : ",").append("{\"type\":\"company\",\"id\":\"").append(id).append("\"}");
        }
        return "{\"type\":\"list\",\"data\":[" + data + "],\"pages\":null,\"total_count\":null,\"scroll_param\":\""
                + param + "\"}";
    }

    @Test
    void theScrollEndsOnAnEmptyPageAndPassesItsParamBack() {
        String param = "69352cd2-ab5b-42ac-b004-a13d4e55e9b0";
        transport.then(scrollPage(param, "co1", "co2"))
                .then(scrollPage(param, "co3", "co4"))
                .then(scrollPage(param, "co5"))
                .then(scrollPage(param));

        List<Page> pages = walk(new Pages(client, ApiRequest.get("companies_scroll", "/companies/scroll")
                .withQuery("scroll_param", "stale-from-an-earlier-scroll"), new ScrollPagination(), "data"));

        assertEquals(List.of("co1", "co2", "co3", "co4", "co5"), ids(pages));
        assertEquals(4, pages.size(), "a short page is not the end; only the empty one is");
        assertEquals(List.of(BASE + "/companies/scroll", BASE + "/companies/scroll?scroll_param=" + param,
                BASE + "/companies/scroll?scroll_param=" + param, BASE + "/companies/scroll?scroll_param=" + param),
                transport.urls());
    }

    @Test
    void aScrollPageIsNotRetriedOnA5xxSoItsReaderCanRestart() {
        transport.then(scrollPage("p", "co1"))
                .then(500, "{\"type\":\"error.list\",\"errors\":[{\"code\":\"server_error\",\"message\":"
                        + "\"Request failed due to an internal network error. Please restart the scroll operation.\"}]}");

        Pages pages = new Pages(client, ApiRequest.get("companies_scroll", "/companies/scroll"),
                new ScrollPagination(), "data");
        pages.next();
        IntercomApiException e = assertThrows(IntercomApiException.class, pages::next);

        assertEquals(500, e.status());
        assertEquals(2, transport.calls().size());
    }

    // --- responses without their records -------------------------------------------------------

    @Test
    void aResponseWithoutItsRecordsKeyIsAnErrorNotAnEmptyPage() {
        transport.then("{\"type\":\"conversation.list\",\"data\":[{\"id\":\"1\"}],\"pages\":{\"total_pages\":1}}");

        Pages pages = new Pages(client, ApiRequest.get("conversations", "/conversations"),
                new PageNumberPagination(20), "conversations");
        IntercomApiException e = assertThrows(IntercomApiException.class, pages::next);

        assertTrue(e.getMessage().contains("GET /conversations"), e.getMessage());
        assertTrue(e.getMessage().contains("\"conversations\""), e.getMessage());
    }

    @Test
    void aRecordsKeyThatIsNotAListIsAnErrorToo() {
        transport.then("{\"type\":\"list\",\"data\":null}").then("{\"type\":\"list\",\"data\":{\"id\":\"1\"}}");

        assertThrows(IntercomApiException.class, () -> new Pages(client, ApiRequest.get("tags", "/tags"),
                Pagination.none(), "data").next());
        assertThrows(IntercomApiException.class, () -> new Pages(client, ApiRequest.get("tags", "/tags"),
                Pagination.none(), "data").next());
    }

    @Test
    void pagesDoNotShareTheirCursorGuard() {
        // One SearchPagination per walk: the same first cursor in a second walk is not a loop.
        transport.then(searchPage("c1", "Y3Vyc29yLUE=")).then(searchPage("c2", null))
                .then(searchPage("c1", "Y3Vyc29yLUE=")).then(searchPage("c2", null));

        assertEquals(List.of("c1", "c2"), ids(walk(new Pages(client, search(), new SearchPagination(1), "data"))));
        assertEquals(List.of("c1", "c2"), ids(walk(new Pages(client, search(), new SearchPagination(1), "data"))));
        ObjectNode unused = Json.object();
        assertTrue(unused.isEmpty());
    }
}
