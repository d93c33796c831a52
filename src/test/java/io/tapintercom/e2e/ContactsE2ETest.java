package io.tapintercom.e2e;

import static io.tapintercom.e2e.IncrementalE2E.NOW;
import static io.tapintercom.e2e.IncrementalE2E.START;
import static io.tapintercom.e2e.IncrementalE2E.at;
import static io.tapintercom.e2e.IncrementalE2E.contact;
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
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * contacts: POST /contacts/search on updated_at, ascending, cursor in the body. Contact search on 2.x
 * compares dates by calendar day, so the tap asks from a day before its start point and filters to the
 * second itself.
 */
class ContactsE2ETest {
    @RegisterExtension
    static WireMockExtension intercom = LocalWireMock.extension();

    @TempDir
    Path dir;
    String config;
    String catalog;

    @BeforeEach
    void files() {
        config = IncrementalE2E.config(dir, intercom.baseUrl());
        catalog = IncrementalE2E.catalog(dir, config, "contacts");
    }

    // A workspace whose day boundary is not UTC can hand back a contact from the evening before the
    // day asked for: it is before start_date and must not go out.
    static final ObjectNode BEFORE_START = contact("c-old", at("2019-12-31T18:00:00Z"));
    static final ObjectNode C1 = contact("c1", START);
    static final ObjectNode C2 = contact("c2", at("2026-03-10T08:00:00Z"));
    static final ObjectNode C3 = contact("c3", at("2026-06-01T12:00:00Z"));
    static final ObjectNode C4 = contact("c4", at("2026-10-31T23:59:59Z"));
    static final String CURSOR = "WzE3NzMxMzMyMDAwMDAsImMyIl0=";

    /** First sync, two pages: the window is start_date (less a day in the query) to now. */
    private TapRun.Result firstSync() {
        String page1 = SearchStubs.body(Search.CONTACTS, START, NOW, 150, null);
        String page2 = SearchStubs.body(Search.CONTACTS, START, NOW, 150, CURSOR);
        SearchStubs.stub(intercom, Search.CONTACTS, page1, SearchStubs.page(Search.CONTACTS, List.of(BEFORE_START, C1, C2), 1, 2, 5, CURSOR));
        SearchStubs.stub(intercom, Search.CONTACTS, page2, SearchStubs.page(Search.CONTACTS, List.of(C3, C4), 2, 2, 5, null));
        TapRun.Result result = IncrementalE2E.sync(NOW, config, catalog, null);
        // The exact bodies of the issue, start_date 2020-01-01T00:00:00Z = 1577836800 less 86400.
        assertEquals(page1, "{\"query\":{\"operator\":\"AND\",\"value\":[{\"field\":\"updated_at\",\"operator\":\">\",\"value\":1577750400}]},"
                + "\"sort\":{\"field\":\"updated_at\",\"order\":\"ascending\"},\"pagination\":{\"per_page\":150}}");
        SearchStubs.verifyAsked(intercom, Search.CONTACTS, List.of(page1, page2));
        return result;
    }

    @Test
    void firstSyncFromStartDateEmitsExactlyTheRecordsInTheWindowAndBookmarksTheLast() {
        TapRun.Result result = firstSync();

        assertEquals(List.of("STATE", "SCHEMA:contacts", "RECORD:contacts x2", "STATE", "RECORD:contacts x2", "STATE", "STATE"),
                IncrementalE2E.shape(result));
        assertEquals(List.of("c1", "c2", "c3", "c4"), result.ids("contacts"));
        assertEquals(List.of(
                json("{\"currently_syncing\":\"contacts\",\"bookmarks\":{}}"),
                json("{\"currently_syncing\":\"contacts\",\"bookmarks\":{\"contacts\":{\"updated_at\":\"2026-03-10T08:00:00.000000Z\"}}}"),
                json("{\"currently_syncing\":\"contacts\",\"bookmarks\":{\"contacts\":{\"updated_at\":\"2026-10-31T23:59:59.000000Z\"}}}"),
                json("{\"currently_syncing\":null,\"bookmarks\":{\"contacts\":{\"updated_at\":\"2026-10-31T23:59:59.000000Z\"}}}")),
                IncrementalE2E.stateValues(result));
        JsonNode schema = result.schema("contacts");
        assertEquals("[\"id\"]", schema.path("key_properties").toString());
        assertEquals("[\"updated_at\"]", schema.path("bookmark_properties").toString());
        JsonNode first = result.ofType("RECORD").get(0);
        assertEquals("2020-01-01T00:00:00.000000Z", first.path("record").path("updated_at").asText());
        assertEquals("2026-11-01T12:00:00.000000Z", first.path("time_extracted").asText());
        assertFalse(first.has("version"), "incremental records carry no table version");
        assertEquals("joe@example.com", first.path("record").path("email").asText());
        IncrementalE2E.assertBookmarksFollowRecords(result, "contacts", "updated_at", NOW);
    }

    @Test
    void secondSyncAsksFromTheBookmarkLessThirtyDaysAndADayAndFiltersToTheSecond() {
        JsonNode emitted = firstSync().lastState();
        intercom.resetRequests();
        Instant later = days(NOW, 1);
        // bookmark 2026-10-31T23:59:59Z − 30 days = 2026-10-01T23:59:59Z; the query asks from a day before.
        Instant from = at("2026-10-01T23:59:59Z");
        String body = SearchStubs.body(Search.CONTACTS, from, later, 150, null);
        assertTrue(body.contains("\"value\":" + at("2026-09-30T23:59:59Z").getEpochSecond()), body);
        ObjectNode sameDayEarlier = contact("c-early", at("2026-10-01T05:00:00Z"));
        ObjectNode fresh = contact("c5", at("2026-11-02T06:00:00Z"));
        SearchStubs.stub(intercom, Search.CONTACTS, body,
                SearchStubs.page(Search.CONTACTS, List.of(sameDayEarlier, C4, fresh), 1, 1, 3, null));

        TapRun.Result second = IncrementalE2E.sync(later, config, catalog, IncrementalE2E.state(dir, emitted));

        SearchStubs.verifyAsked(intercom, Search.CONTACTS, List.of(body));
        // c-early is on the window's first day but before its start; c4 comes again (the replayed window).
        assertEquals(List.of("c4", "c5"), second.ids("contacts"));
        assertEquals(json("{\"currently_syncing\":null,\"bookmarks\":{\"contacts\":{\"updated_at\":\"2026-11-02T06:00:00.000000Z\"}}}"),
                second.lastState());
        assertTrue(second.stderr().contains("stream contacts: reading records with updated_at from 2026-10-01T23:59:59.000000Z"
                + " to 2026-11-02T12:00:00.000000Z"), second.stderr());
    }

    /** Seven contacts over a week; two share a second across a page boundary, two share a day. */
    static final List<ObjectNode> WEEK = List.of(
            contact("w1", at("2026-10-01T09:00:00Z")),
            contact("w2", at("2026-10-02T10:00:00Z")),
            contact("w3", at("2026-10-02T10:00:00Z")),
            contact("w4", at("2026-10-03T08:00:00Z")),
            contact("w5", at("2026-10-03T17:30:00Z")),
            contact("w6", at("2026-10-05T00:00:00Z")),
            contact("w7", at("2026-10-06T23:59:59Z")));

    @Test
    void aRunKilledAfterAnyStateResumesFromItWithoutLosingAContact() {
        // Two per page, and no attribution window: the resumed run starts exactly at the bookmark, so a
        // bookmark one record too far would lose that record.
        UnaryOperator<ObjectNode> small = c -> c.put("search_page_size", 2).put("attribution_window_days", 0);
        config = IncrementalE2E.config(dir, intercom.baseUrl(), small);
        SearchStubs.window(intercom, Search.CONTACTS, WEEK, START, NOW, 2);
        TapRun.Result whole = IncrementalE2E.sync(NOW, config, catalog, null);
        assertEquals(IncrementalE2E.idsOf(WEEK), whole.ids("contacts"));
        assertEquals(List.of("STATE", "SCHEMA:contacts", "RECORD:contacts x2", "STATE", "RECORD:contacts x2", "STATE",
                "RECORD:contacts x2", "STATE", "RECORD:contacts x1", "STATE", "STATE"), IncrementalE2E.shape(whole));
        int states = whole.ofType("STATE").size();

        Instant resumedAt = NOW.plus(Duration.ofHours(1));
        for (int n = 1; n < states; n++) {
            intercom.resetAll();
            SearchStubs.window(intercom, Search.CONTACTS, WEEK, START, NOW, 2);
            String killedConfig = IncrementalE2E.config(dir, intercom.baseUrl(), "e2e-killed-" + n, small);
            TapRun.Result killed = IncrementalE2E.killed(n, NOW, killedConfig, catalog, null);
            JsonNode last = killed.lastState();
            assertEquals("contacts", last.path("currently_syncing").asText(), "STATE " + n + ": " + last);
            IncrementalE2E.assertBookmarksFollowRecords(killed, "contacts", "updated_at", NOW);

            intercom.resetAll();
            Instant from = IncrementalE2E.expectedFrom(last, "contacts", "updated_at", 0, START);
            List<String> bodies = SearchStubs.window(intercom, Search.CONTACTS, WEEK, from, resumedAt, 2);
            String resumedConfig = IncrementalE2E.config(dir, intercom.baseUrl(), "e2e-resumed-" + n, small);
            TapRun.Result resumed = IncrementalE2E.sync(resumedAt, resumedConfig, catalog, IncrementalE2E.state(dir, last));

            SearchStubs.verifyAsked(intercom, Search.CONTACTS, bodies, "e2e-resumed-" + n);
            assertEquals(Set.copyOf(IncrementalE2E.idsOf(WEEK)), IncrementalE2E.union(killed.ids("contacts"), resumed.ids("contacts")),
                    "killed after STATE " + n + " (" + last + ")");
            assertEquals("2026-10-06T23:59:59.000000Z", IncrementalE2E.bookmark(resumed.lastState(), "contacts", "updated_at"));
            IncrementalE2E.assertBookmarksFollowRecords(resumed, "contacts", "updated_at", resumedAt);
        }
    }

    @Test
    void aContactUpdatedDuringTheSyncWaitsForTheNextRun() {
        ObjectNode during = contact("c-during", NOW.plus(Duration.ofMinutes(5)));
        List<ObjectNode> workspace = List.of(C1, C2, C3, C4, during);
        // Contact search has no upper bound: Intercom hands back the contact with its new updated_at.
        SearchStubs.window(intercom, Search.CONTACTS, workspace, START, NOW, 150);

        TapRun.Result first = IncrementalE2E.sync(NOW, config, catalog, null);

        assertEquals(List.of("c1", "c2", "c3", "c4"), first.ids("contacts"));
        assertEquals("2026-10-31T23:59:59.000000Z", IncrementalE2E.bookmark(first.lastState(), "contacts", "updated_at"));
        IncrementalE2E.assertBookmarksFollowRecords(first, "contacts", "updated_at", NOW);

        intercom.resetAll();
        Instant later = days(NOW, 1);
        List<String> bodies = SearchStubs.window(intercom, Search.CONTACTS, workspace, at("2026-10-01T23:59:59Z"), later, 150);
        TapRun.Result second = IncrementalE2E.sync(later, config, catalog, IncrementalE2E.state(dir, first.lastState()));

        SearchStubs.verifyAsked(intercom, Search.CONTACTS, bodies);
        assertEquals(List.of("c4", "c-during"), second.ids("contacts"));
        assertEquals("2026-11-01T12:05:00.000000Z", IncrementalE2E.bookmark(second.lastState(), "contacts", "updated_at"));
    }
}
