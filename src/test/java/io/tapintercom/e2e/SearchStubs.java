package io.tapintercom.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The three search endpoints as WireMock stubs keyed on the exact request body the tap must send
 * (equalToJson with no extra elements allowed), so a request for any other window is answered 404 and
 * fails the run. {@link #window} also plays Intercom's search semantics over a fixed data set: contact
 * dates compare by calendar day (workspace in UTC: "{@code >} d" matches from the start of the next
 * day), conversation and ticket dates to the second.
 */
final class SearchStubs {
    enum Search {
        CONTACTS("contacts", "/contacts/search", "list", "data", true),
        CONVERSATIONS("conversations", "/conversations/search", "conversation.list", "conversations", false),
        TICKETS("tickets", "/tickets/search", "ticket.list", "tickets", false);

        final String stream;
        final String path;
        final String type;
        final String key;
        final boolean byDay;

        Search(String stream, String path, String type, String key, boolean byDay) {
            this.stream = stream;
            this.path = path;
            this.type = type;
            this.key = key;
            this.byDay = byDay;
        }
    }

    static final int PER_PAGE = 150;

    private SearchStubs() {}

    /**
     * The exact body the tap must send to read [from, signpost]: contacts ask "updated_at > from − 1 day"
     * (day-granular search), conversations and tickets "updated_at > from − 1 AND updated_at < signpost + 1".
     */
    static String body(Search search, Instant from, Instant signpost, int perPage, String cursor) {
        long after = search.byDay ? from.getEpochSecond() - IncrementalE2E.DAY : from.getEpochSecond() - 1;
        String filters = "{\"field\":\"updated_at\",\"operator\":\">\",\"value\":" + after + "}";
        if (!search.byDay) {
            filters += ",{\"field\":\"updated_at\",\"operator\":\"<\",\"value\":" + (signpost.getEpochSecond() + 1) + "}";
        }
        return "{\"query\":{\"operator\":\"AND\",\"value\":[" + filters + "]},"
                + "\"sort\":{\"field\":\"updated_at\",\"order\":\"ascending\"},"
                + "\"pagination\":{\"per_page\":" + perPage + (cursor == null ? "" : ",\"starting_after\":\"" + cursor + "\"") + "}}";
    }

    /** A search response page; {@code nextCursor} null on the last page. */
    static ObjectNode page(Search search, List<? extends JsonNode> records, int page, int totalPages, long total,
                           String nextCursor) {
        ObjectNode body = Fixtures.searchPage(search.type, search.key, records, page, totalPages, total, nextCursor);
        ((ObjectNode) body.get("pages")).put("per_page", PER_PAGE);
        return body;
    }

    /** Answers exactly this request body with this page. */
    static void stub(WireMockExtension intercom, Search search, String body, ObjectNode response) {
        intercom.stubFor(post(urlPathEqualTo(search.path)).withRequestBody(equalToJson(body, false, false))
                .willReturn(okJson(response.toString())));
    }

    /**
     * Answers this exact request body with the given responses in turn (a WireMock scenario), the last
     * one repeating: for a search that behaves differently the second time it is asked the same thing.
     */
    static void stubSequence(WireMockExtension intercom, Search search, String scenario, String body, ObjectNode... responses) {
        for (int i = 0; i < responses.length; i++) {
            String state = i == 0 ? Scenario.STARTED : scenario + "-" + i;
            var mapping = post(urlPathEqualTo(search.path)).withRequestBody(equalToJson(body, false, false))
                    .inScenario(scenario).whenScenarioStateIs(state).willReturn(okJson(responses[i].toString()));
            if (i + 1 < responses.length) {
                mapping = mapping.willSetStateTo(scenario + "-" + (i + 1));
            }
            intercom.stubFor(mapping);
        }
    }

    /**
     * Plays Intercom for one read of [from, signpost]: stubs, page by page, what the search would return
     * for exactly the query the tap must send, and returns the request bodies the tap must send, in
     * order. {@code honourUpperBound} false serves records past the "<" bound too, as a search does for
     * a record that changed while the pages were being read.
     */
    static List<String> window(WireMockExtension intercom, Search search, List<ObjectNode> all, Instant from,
                               Instant signpost, int perPage, boolean honourUpperBound) {
        long after = search.byDay ? from.getEpochSecond() - IncrementalE2E.DAY : from.getEpochSecond() - 1;
        long before = signpost.getEpochSecond() + 1;
        List<ObjectNode> matching = new ArrayList<>();
        for (ObjectNode record : all) {
            long updated = record.path("updated_at").asLong();
            boolean afterOk = search.byDay ? updated >= startOfNextDay(after) : updated > after;
            boolean beforeOk = search.byDay || !honourUpperBound || updated < before;
            if (afterOk && beforeOk) {
                matching.add(record);
            }
        }
        matching.sort(Comparator.comparingLong((ObjectNode r) -> r.path("updated_at").asLong())
                .thenComparing(r -> r.path("id").asText()));
        int pages = Math.max(1, (matching.size() + perPage - 1) / perPage);
        List<String> bodies = new ArrayList<>();
        String cursor = null;
        for (int p = 0; p < pages; p++) {
            List<ObjectNode> items = matching.subList(p * perPage, Math.min(matching.size(), (p + 1) * perPage));
            String next = p + 1 < pages ? search.stream + "-" + after + "-" + signpost.getEpochSecond() + "-p" + (p + 2) : null;
            String body = body(search, from, signpost, perPage, cursor);
            stub(intercom, search, body, page(search, items, p + 1, pages, matching.size(), next));
            bodies.add(body);
            cursor = next;
        }
        return bodies;
    }

    static List<String> window(WireMockExtension intercom, Search search, List<ObjectNode> all, Instant from,
                               Instant signpost, int perPage) {
        return window(intercom, search, all, from, signpost, perPage, true);
    }

    /** Contact search on 2.x: "> d" matches from the start of the day after d (workspace timezone UTC). */
    private static long startOfNextDay(long epoch) {
        return Instant.ofEpochSecond(epoch).atZone(ZoneOffset.UTC).truncatedTo(ChronoUnit.DAYS).plusDays(1)
                .toInstant().getEpochSecond();
    }

    /** Each body was asked exactly once, in this order, and nothing else was asked of this endpoint. */
    static void verifyAsked(WireMockExtension intercom, Search search, List<String> bodies) {
        verifyAsked(intercom, search, bodies, null);
    }

    /** As {@link #verifyAsked(WireMockExtension, Search, List)}, counting only one run's requests (by User-Agent). */
    static void verifyAsked(WireMockExtension intercom, Search search, List<String> bodies, String userAgent) {
        for (String body : bodies) {
            var pattern = postRequestedFor(urlPathEqualTo(search.path)).withRequestBody(equalToJson(body, false, false));
            intercom.verify(pattern.withHeader("User-Agent", userAgent == null ? matching(".*") : equalTo(userAgent)));
        }
        List<String> asked = asked(intercom, search, userAgent);
        assertEquals(bodies.size(), asked.size(), "requests to " + search.path + ": " + asked);
        for (int i = 0; i < bodies.size(); i++) {
            assertEquals(IncrementalE2E.json(bodies.get(i)), IncrementalE2E.json(asked.get(i)), "request " + (i + 1) + " to " + search.path);
        }
    }

    /** The bodies of every request to this search endpoint (from one User-Agent, if given), in the order they came. */
    static List<String> asked(WireMockExtension intercom, Search search, String userAgent) {
        var pattern = postRequestedFor(urlPathEqualTo(search.path));
        if (userAgent != null) {
            pattern = pattern.withHeader("User-Agent", equalTo(userAgent));
        }
        List<String> bodies = new ArrayList<>();
        for (LoggedRequest request : intercom.findAll(pattern)) {
            bodies.add(request.getBodyAsString());
        }
        return bodies;
    }

    /** The "updated_at >" value of a logged search body. */
    static long afterValue(String body) {
        JsonNode filters = IncrementalE2E.json(body).path("query").path("value");
        for (JsonNode filter : filters) {
            if (">".equals(filter.path("operator").asText())) {
                return filter.path("value").asLong();
            }
        }
        throw new AssertionError("no > filter in " + body);
    }

}
