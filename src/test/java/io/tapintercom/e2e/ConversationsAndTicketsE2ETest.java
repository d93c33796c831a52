package io.tapintercom.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.tapintercom.e2e.IncrementalE2E.NOW;
import static io.tapintercom.e2e.IncrementalE2E.START;
import static io.tapintercom.e2e.IncrementalE2E.at;
import static io.tapintercom.e2e.IncrementalE2E.days;
import static io.tapintercom.e2e.IncrementalE2E.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.tapintercom.e2e.SearchStubs.Search;
import io.tapintercom.testing.LocalWireMock;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * conversations (POST /conversations/search) and tickets (POST /tickets/search): updated_at compared
 * to the second, so the query is "> from − 1 AND < signpost + 1", sorted ascending, cursor in the body.
 * Every test runs for both streams.
 */
class ConversationsAndTicketsE2ETest {
    @RegisterExtension
    static WireMockExtension intercom = LocalWireMock.extension();

    @TempDir
    Path dir;
    String config;

    @BeforeEach
    void files() {
        config = IncrementalE2E.config(dir, intercom.baseUrl());
    }

    private String catalog(Search search) {
        return IncrementalE2E.catalog(dir, config, search.stream);
    }

    static ObjectNode record(Search search, String id, Instant updated) {
        return search == Search.TICKETS ? IncrementalE2E.ticket(id, updated) : IncrementalE2E.conversation(id, updated);
    }

    private TapRun.Result firstSync(Search search, String catalog) {
        String page1 = SearchStubs.body(search, START, NOW, 150, null);
        String page2 = SearchStubs.body(search, START, NOW, 150, "WzE3NzMxMzMyMDAwMDAsMiwyXQ==");
        SearchStubs.stub(intercom, search, page1, SearchStubs.page(search,
                List.of(record(search, "101", START), record(search, "102", at("2026-03-10T08:00:00Z"))), 1, 2, 4,
                "WzE3NzMxMzMyMDAwMDAsMiwyXQ=="));
        SearchStubs.stub(intercom, search, page2, SearchStubs.page(search,
                List.of(record(search, "103", at("2026-06-01T12:00:00Z")), record(search, "104", at("2026-10-31T23:59:59Z"))),
                2, 2, 4, null));
        TapRun.Result result = IncrementalE2E.sync(NOW, config, catalog, null);
        // start_date 2020-01-01T00:00:00Z = 1577836800; the clock 2026-11-01T12:00:00Z = 1793534400.
        assertEquals("{\"query\":{\"operator\":\"AND\",\"value\":[{\"field\":\"updated_at\",\"operator\":\">\",\"value\":1577836799},"
                + "{\"field\":\"updated_at\",\"operator\":\"<\",\"value\":1793534401}]},"
                + "\"sort\":{\"field\":\"updated_at\",\"order\":\"ascending\"},\"pagination\":{\"per_page\":150}}", page1);
        SearchStubs.verifyAsked(intercom, search, List.of(page1, page2));
        return result;
    }

    @ParameterizedTest
    @EnumSource(value = Search.class, names = {"CONVERSATIONS", "TICKETS"})
    void firstSyncFromStartDateEmitsExactlyTheRecordsAndBookmarksTheLast(Search search) {
        String s = search.stream;
        TapRun.Result result = firstSync(search, catalog(search));

        assertEquals(List.of("STATE", "SCHEMA:" + s, "RECORD:" + s + " x2", "STATE", "RECORD:" + s + " x2", "STATE", "STATE"),
                IncrementalE2E.shape(result));
        assertEquals(List.of("101", "102", "103", "104"), result.ids(s));
        // Conversations also start their deletions at a first sync (GET /conversations/deleted from then on).
        String deletions = search == Search.CONVERSATIONS ? "\"deleted_at\":\"2026-11-01T12:00:00.000000Z\"," : "";
        assertEquals(List.of(
                json("{\"currently_syncing\":\"" + s + "\",\"bookmarks\":{}}"),
                json("{\"currently_syncing\":\"" + s + "\",\"bookmarks\":{\"" + s + "\":{" + deletions
                        + "\"updated_at\":\"2026-03-10T08:00:00.000000Z\"}}}"),
                json("{\"currently_syncing\":\"" + s + "\",\"bookmarks\":{\"" + s + "\":{" + deletions
                        + "\"updated_at\":\"2026-10-31T23:59:59.000000Z\"}}}"),
                json("{\"currently_syncing\":null,\"bookmarks\":{\"" + s + "\":{" + deletions
                        + "\"updated_at\":\"2026-10-31T23:59:59.000000Z\"}}}")),
                IncrementalE2E.stateValues(result));
        assertEquals("[\"updated_at\"]", result.schema(s).path("bookmark_properties").toString());
        assertEquals("[\"id\"]", result.schema(s).path("key_properties").toString());
        JsonNode first = result.ofType("RECORD").get(0);
        assertEquals("2020-01-01T00:00:00.000000Z", first.path("record").path("updated_at").asText());
        assertFalse(first.has("version"));
        IncrementalE2E.assertBookmarksFollowRecords(result, s, "updated_at", NOW);
    }

    @ParameterizedTest
    @EnumSource(value = Search.class, names = {"CONVERSATIONS", "TICKETS"})
    void secondSyncAsksFromTheBookmarkLessThirtyDaysUpToItsOwnClock(Search search) {
        String s = search.stream;
        String catalog = catalog(search);
        JsonNode emitted = firstSync(search, catalog).lastState();
        intercom.resetRequests();
        Instant later = days(NOW, 1);
        Instant from = at("2026-10-01T23:59:59Z");
        String body = SearchStubs.body(search, from, later, 150, null);
        assertEquals("{\"query\":{\"operator\":\"AND\",\"value\":[{\"field\":\"updated_at\",\"operator\":\">\",\"value\":"
                + (from.getEpochSecond() - 1) + "},{\"field\":\"updated_at\",\"operator\":\"<\",\"value\":"
                + (later.getEpochSecond() + 1) + "}]},\"sort\":{\"field\":\"updated_at\",\"order\":\"ascending\"},"
                + "\"pagination\":{\"per_page\":150}}", body);
        // ">" may be inclusive: the second before the window can come back, and must not go out.
        SearchStubs.stub(intercom, search, body, SearchStubs.page(search, List.of(
                record(search, "199", from.minusSeconds(1)), record(search, "200", from),
                record(search, "104", at("2026-10-31T23:59:59Z")), record(search, "105", at("2026-11-02T06:00:00Z"))),
                1, 1, 4, null));

        TapRun.Result second = IncrementalE2E.sync(later, config, catalog, IncrementalE2E.state(dir, emitted));

        SearchStubs.verifyAsked(intercom, search, List.of(body));
        assertEquals(List.of("200", "104", "105"), second.ids(s));
        // GET /conversations/deleted is not stubbed (404): the deletions bookmark stays where the first sync set it.
        String deletions = search == Search.CONVERSATIONS ? "\"deleted_at\":\"2026-11-01T12:00:00.000000Z\"," : "";
        assertEquals(json("{\"currently_syncing\":null,\"bookmarks\":{\"" + s + "\":{" + deletions
                + "\"updated_at\":\"2026-11-02T06:00:00.000000Z\"}}}"), second.lastState());
    }

    @ParameterizedTest
    @EnumSource(value = Search.class, names = {"CONVERSATIONS", "TICKETS"})
    void aRunKilledAfterAnyStateResumesFromItWithoutLosingARecord(Search search) {
        String s = search.stream;
        String catalog = catalog(search);
        List<ObjectNode> week = List.of(
                record(search, "1", at("2026-10-01T09:00:00Z")),
                record(search, "2", at("2026-10-02T10:00:00Z")),
                record(search, "3", at("2026-10-02T10:00:00Z")),
                record(search, "4", at("2026-10-03T08:00:00Z")),
                record(search, "5", at("2026-10-03T17:30:00Z")),
                record(search, "6", at("2026-10-05T00:00:00Z")),
                record(search, "7", at("2026-10-06T23:59:59Z")));
        UnaryOperator<ObjectNode> small = c -> c.put("search_page_size", 2).put("attribution_window_days", 0);
        SearchStubs.window(intercom, search, week, START, NOW, 2);
        TapRun.Result whole = IncrementalE2E.sync(NOW, IncrementalE2E.config(dir, intercom.baseUrl(), small), catalog, null);
        assertEquals(IncrementalE2E.idsOf(week), whole.ids(s));
        int states = whole.ofType("STATE").size();
        assertEquals(6, states, IncrementalE2E.shape(whole).toString());

        Instant resumedAt = NOW.plus(Duration.ofHours(1));
        for (int n = 1; n < states; n++) {
            intercom.resetAll();
            SearchStubs.window(intercom, search, week, START, NOW, 2);
            TapRun.Result killed = IncrementalE2E.killed(n, NOW,
                    IncrementalE2E.config(dir, intercom.baseUrl(), "e2e-killed-" + n, small), catalog, null);
            JsonNode last = killed.lastState();
            assertEquals(s, last.path("currently_syncing").asText());
            IncrementalE2E.assertBookmarksFollowRecords(killed, s, "updated_at", NOW);

            intercom.resetAll();
            Instant from = IncrementalE2E.expectedFrom(last, s, "updated_at", 0, START);
            List<String> bodies = SearchStubs.window(intercom, search, week, from, resumedAt, 2);
            TapRun.Result resumed = IncrementalE2E.sync(resumedAt,
                    IncrementalE2E.config(dir, intercom.baseUrl(), "e2e-resumed-" + n, small), catalog, IncrementalE2E.state(dir, last));

            SearchStubs.verifyAsked(intercom, search, bodies, "e2e-resumed-" + n);
            assertEquals(Set.copyOf(IncrementalE2E.idsOf(week)), IncrementalE2E.union(killed.ids(s), resumed.ids(s)),
                    "killed after STATE " + n + " (" + last + ")");
            assertEquals("2026-10-06T23:59:59.000000Z", IncrementalE2E.bookmark(resumed.lastState(), s, "updated_at"));
            IncrementalE2E.assertBookmarksFollowRecords(resumed, s, "updated_at", resumedAt);
        }
    }

    @ParameterizedTest
    @EnumSource(value = Search.class, names = {"CONVERSATIONS", "TICKETS"})
    void aRecordUpdatedDuringTheSyncWaitsForTheNextRun(Search search) {
        String s = search.stream;
        String catalog = catalog(search);
        ObjectNode during = record(search, "300", NOW.plus(Duration.ofMinutes(5)));
        List<ObjectNode> workspace = List.of(record(search, "101", at("2026-10-20T00:00:00Z")),
                record(search, "102", at("2026-10-31T23:59:59Z")), during);
        // The record changed while the pages were read: the search hands it back with its new
        // updated_at although the query asked for records before the clock.
        SearchStubs.window(intercom, search, workspace, START, NOW, 150, false);

        TapRun.Result first = IncrementalE2E.sync(NOW, config, catalog, null);

        assertEquals(List.of("101", "102"), first.ids(s));
        assertEquals("2026-10-31T23:59:59.000000Z", IncrementalE2E.bookmark(first.lastState(), s, "updated_at"));
        IncrementalE2E.assertBookmarksFollowRecords(first, s, "updated_at", NOW);

        intercom.resetAll();
        Instant later = days(NOW, 1);
        List<String> bodies = SearchStubs.window(intercom, search, workspace, at("2026-10-01T23:59:59Z"), later, 150);
        TapRun.Result second = IncrementalE2E.sync(later, config, catalog, IncrementalE2E.state(dir, first.lastState()));

        SearchStubs.verifyAsked(intercom, search, bodies);
        assertEquals(List.of("101", "102", "300"), second.ids(s));
        assertEquals("2026-11-01T12:05:00.000000Z", IncrementalE2E.bookmark(second.lastState(), s, "updated_at"));
    }

    @ParameterizedTest
    @EnumSource(value = Search.class, names = {"CONVERSATIONS", "TICKETS"})
    void theUpperBoundIsTheClockWhenTheSyncStartedEvenAsTheClockMovesOn(Search search) {
        String s = search.stream;
        String catalog = catalog(search);
        // Every reading of this clock is a minute later than the one before.
        AtomicLong readings = new AtomicLong();
        Clock ticking = new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return NOW.plusSeconds(60 * readings.getAndIncrement());
            }
        };
        ObjectNode before = record(search, "1", at("2026-10-31T00:00:00Z"));
        ObjectNode meanwhile = record(search, "2", NOW.plus(Duration.ofDays(2)));
        intercom.stubFor(post(urlPathEqualTo(search.path)).withRequestBody(matchingJsonPath("$.pagination.starting_after", absent()))
                .willReturn(okJson(SearchStubs.page(search, List.of(before), 1, 2, 2, "next").toString())));
        intercom.stubFor(post(urlPathEqualTo(search.path)).withRequestBody(matchingJsonPath("$.pagination.starting_after", equalTo("next")))
                .willReturn(okJson(SearchStubs.page(search, List.of(meanwhile), 2, 2, 2, null).toString())));

        TapRun.Result result = TapRun.tap().withClock(ticking).run("--config", config, "--catalog", catalog);

        assertEquals(0, result.exit(), result.toString());
        SchemaCheck.assertValid(result);
        Matcher reading = Pattern.compile("stream " + s + ": reading records with updated_at from (\\S+) to (\\S+)").matcher(result.stderr());
        assertTrue(reading.find(), result.stderr());
        Instant signpost = Instant.parse(reading.group(2));
        assertTrue(readings.get() > 1 && signpost.isBefore(NOW.plus(Duration.ofDays(1))), signpost.toString());
        // Both pages ask for the same window, up to the clock's reading when the sync started.
        List<String> asked = SearchStubs.asked(intercom, search, null);
        assertEquals(List.of(SearchStubs.body(search, START, signpost, 150, null), SearchStubs.body(search, START, signpost, 150, "next"))
                .stream().map(IncrementalE2E::json).toList(), asked.stream().map(IncrementalE2E::json).toList());
        assertEquals(List.of("1"), result.ids(s));
        assertEquals("2026-10-31T00:00:00.000000Z", IncrementalE2E.bookmark(result.lastState(), s, "updated_at"));
        IncrementalE2E.assertBookmarksFollowRecords(result, s, "updated_at", signpost);
    }
}
