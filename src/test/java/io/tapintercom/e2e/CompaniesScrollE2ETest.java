package io.tapintercom.e2e;

import static io.tapintercom.e2e.IncrementalE2E.NOW;
import static io.tapintercom.e2e.IncrementalE2E.START;
import static io.tapintercom.e2e.IncrementalE2E.at;
import static io.tapintercom.e2e.IncrementalE2E.company;
import static io.tapintercom.e2e.IncrementalE2E.days;
import static io.tapintercom.e2e.IncrementalE2E.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.tapintercom.testing.LocalWireMock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * companies: GET /companies/scroll, in no particular order, filtered on updated_at by the tap; the
 * bookmark (the highest updated_at emitted) is written when the scroll completes. A scroll_exists
 * waits a minute and retries; a 500 or an expired scroll restarts the scroll from the first page.
 */
class CompaniesScrollE2ETest {
    @RegisterExtension
    static WireMockExtension intercom = LocalWireMock.extension();

    @TempDir
    Path dir;
    String config;
    String catalog;

    @BeforeEach
    void files() {
        config = IncrementalE2E.config(dir, intercom.baseUrl());
        catalog = IncrementalE2E.catalog(dir, config, "companies");
    }

    static final ObjectNode OLD = company("co-old", at("2019-06-01T00:00:00Z"));
    static final ObjectNode CO1 = company("co1", at("2021-05-01T00:00:00Z"));
    static final ObjectNode CO2 = company("co2", at("2026-10-31T23:00:00Z"));
    static final ObjectNode CO3 = company("co3", at("2024-01-01T00:00:00Z"));
    static final ObjectNode CO4 = company("co4", at("2026-10-15T00:00:00Z"));
    static final ObjectNode EDGE = company("co-edge", at("2026-10-01T22:59:59Z"));
    static final ObjectNode CO5 = company("co5", at("2026-11-02T03:00:00Z"));

    @Test
    void firstSyncScrollsEverythingAndKeepsTheCompaniesFromStartDateOn() {
        List<Map<String, String>> queries = ListStubs.scroll(intercom, List.of(List.of(OLD, CO1), List.of(CO2), List.of(CO3)));

        TapRun.Result result = IncrementalE2E.sync(NOW, config, catalog, null);

        // The scroll takes no filter: the first request has no query at all, then only scroll_param.
        assertEquals(List.of(Map.of(), Map.of("scroll_param", "scroll-1"), Map.of("scroll_param", "scroll-2"),
                Map.of("scroll_param", "scroll-3")), queries);
        ListStubs.verifyQueries(intercom, ListStubs.SCROLL, queries);
        assertEquals(List.of("co1", "co2", "co3"), result.ids("companies"));
        assertEquals(List.of("STATE", "SCHEMA:companies", "RECORD:companies x3", "STATE", "STATE"), IncrementalE2E.shape(result));
        assertEquals(List.of(
                json("{\"currently_syncing\":\"companies\",\"bookmarks\":{}}"),
                json("{\"currently_syncing\":\"companies\",\"bookmarks\":{\"companies\":{\"updated_at\":\"2026-10-31T23:00:00.000000Z\"}}}"),
                json("{\"currently_syncing\":null,\"bookmarks\":{\"companies\":{\"updated_at\":\"2026-10-31T23:00:00.000000Z\"}}}")),
                IncrementalE2E.stateValues(result));
        assertEquals("[\"updated_at\"]", result.schema("companies").path("bookmark_properties").toString());
        JsonNode record = result.records("companies").get(0);
        assertEquals("2021-05-01T00:00:00.000000Z", record.path("updated_at").asText());
        assertEquals("Blue Sun", record.path("name").asText());
        assertFalse(result.ofType("RECORD").get(0).has("version"));
    }

    @Test
    void secondSyncScrollsAgainAndEmitsOnlyTheBookmarkLessThirtyDaysOn() {
        ListStubs.scroll(intercom, List.of(List.of(OLD, CO1), List.of(CO2), List.of(CO3)));
        JsonNode emitted = IncrementalE2E.sync(NOW, config, catalog, null).lastState();
        intercom.resetAll();
        // bookmark 2026-10-31T23:00:00Z less 30 days: from 2026-10-01T23:00:00Z; co-edge is a second before.
        List<Map<String, String>> queries = ListStubs.scroll(intercom,
                List.of(List.of(CO5, OLD, EDGE), List.of(CO1, CO2), List.of(CO4, CO3)));

        TapRun.Result second = IncrementalE2E.sync(days(NOW, 1), config, catalog, IncrementalE2E.state(dir, emitted));

        ListStubs.verifyQueries(intercom, ListStubs.SCROLL, queries);
        assertEquals(List.of("co5", "co2", "co4"), second.ids("companies"));
        assertEquals(json("{\"currently_syncing\":null,\"bookmarks\":{\"companies\":{\"updated_at\":\"2026-11-02T03:00:00.000000Z\"}}}"),
                second.lastState());
        assertTrue(second.stderr().contains("stream companies: reading records with updated_at from 2026-10-01T23:00:00.000000Z"),
                second.stderr());
    }

    @Test
    void aRunKilledAfterAnyStateResumesFromItWithoutLosingACompany() {
        List<List<ObjectNode>> pages = List.of(List.of(CO2, CO1), List.of(CO4, EDGE), List.of(CO3));
        Set<String> all = Set.of("co1", "co2", "co3", "co4", "co-edge");
        config = IncrementalE2E.config(dir, intercom.baseUrl(), c -> c.put("attribution_window_days", 0));
        ListStubs.scroll(intercom, pages);
        TapRun.Result whole = IncrementalE2E.sync(NOW, config, catalog, null);
        // Unsorted: no bookmark can move mid-scroll, so there is no STATE between pages.
        int states = whole.ofType("STATE").size();
        assertEquals(3, states);

        Instant resumedAt = NOW.plus(Duration.ofHours(1));
        for (int n = 1; n < states; n++) {
            intercom.resetAll();
            ListStubs.scroll(intercom, pages);
            TapRun.Result killed = IncrementalE2E.killed(n, NOW, config, catalog, null);
            JsonNode last = killed.lastState();
            assertEquals("companies", last.path("currently_syncing").asText());

            intercom.resetAll();
            List<Map<String, String>> queries = ListStubs.scroll(intercom, pages);
            TapRun.Result resumed = IncrementalE2E.sync(resumedAt, config, catalog, IncrementalE2E.state(dir, last));

            ListStubs.verifyQueries(intercom, ListStubs.SCROLL, queries);
            assertEquals(all, IncrementalE2E.union(killed.ids("companies"), resumed.ids("companies")),
                    "killed after STATE " + n + " (" + last + ")");
            assertEquals("2026-10-31T23:00:00.000000Z", IncrementalE2E.bookmark(resumed.lastState(), "companies", "updated_at"));
        }
    }

    @Test
    void aCompanyUpdatedDuringTheSyncIsNeitherEmittedNorBookmarkedUntilTheNextRun() {
        ObjectNode during = company("co-during", NOW.plus(Duration.ofMinutes(5)));
        ListStubs.scroll(intercom, List.of(List.of(CO1, during), List.of(CO2)));

        TapRun.Result first = IncrementalE2E.sync(NOW, config, catalog, null);

        assertEquals(List.of("co1", "co2"), first.ids("companies"));
        assertEquals("2026-10-31T23:00:00.000000Z", IncrementalE2E.bookmark(first.lastState(), "companies", "updated_at"));

        intercom.resetAll();
        ListStubs.scroll(intercom, List.of(List.of(CO1, during), List.of(CO2)));
        TapRun.Result second = IncrementalE2E.sync(days(NOW, 1), config, catalog, IncrementalE2E.state(dir, first.lastState()));

        assertEquals(List.of("co-during", "co2"), second.ids("companies"));
        assertEquals("2026-11-01T12:05:00.000000Z", IncrementalE2E.bookmark(second.lastState(), "companies", "updated_at"));
    }

    @Test
    void anotherOpenScrollIsWaitedOutForAMinuteThenTheScrollRuns() {
        TapRun tap = TapRun.tap();
        ListStubs.ScrollScript script = new ListStubs.ScrollScript(intercom, "busy")
                .error(null, 400, "scroll_exists", "scroll already exists for this app")
                .page(null, List.of(CO1, CO2), "p")
                .page("p", List.of(CO3), "p")
                .end("p");

        TapRun.Result result = tap.at(NOW).run("--config", config, "--catalog", catalog);

        assertEquals(0, result.exit(), result.toString());
        SchemaCheck.assertValid(result);
        ListStubs.verifyQueries(intercom, ListStubs.SCROLL, script.queries());
        assertEquals(List.of("co1", "co2", "co3"), result.ids("companies"));
        assertTrue(tap.sleeps().stream().anyMatch(d -> d.compareTo(Duration.ofSeconds(60)) >= 0), tap.sleeps().toString());
        assertTrue(result.stderr().contains("WARNING GET /companies/scroll: another company scroll is open in this workspace"
                + " (scroll_exists: scroll already exists for this app); another integration may be scrolling companies;"
                + " retry 1 of 8 in 61.0 s"), result.stderr());
        assertEquals("2026-10-31T23:00:00.000000Z", IncrementalE2E.bookmark(result.lastState(), "companies", "updated_at"));
    }

    @Test
    void aServerErrorMidScrollRestartsTheScrollFromTheFirstPage() {
        ListStubs.ScrollScript script = new ListStubs.ScrollScript(intercom, "500")
                .page(null, List.of(CO1, CO2), "s1")
                .error("s1", 500, "server_error", "Request failed due to an internal network error. Please restart the scroll operation.")
                .page(null, List.of(CO1, CO2), "t1")
                .page("t1", List.of(CO3), "t2")
                .page("t2", List.of(CO4), "t3")
                .end("t3");

        TapRun.Result result = IncrementalE2E.sync(NOW, config, catalog, null);

        // The failed page is not asked again with its spoilt param: the scroll starts over.
        ListStubs.verifyQueries(intercom, ListStubs.SCROLL, script.queries());
        // Companies already written in this run are not written again by the restarted pass.
        assertEquals(List.of("co1", "co2", "co3", "co4"), result.ids("companies"));
        assertTrue(result.stderr().contains("WARNING GET /companies/scroll: the company scroll broke (GET /companies/scroll failed: 500"),
                result.stderr());
        assertTrue(result.stderr().contains("restarting it from the beginning (restart 1 of 5), skipping the 2 companies"
                + " already read"), result.stderr());
        assertEquals("2026-10-31T23:00:00.000000Z", IncrementalE2E.bookmark(result.lastState(), "companies", "updated_at"));
    }

    @Test
    void aScrollThatExpiredAfterANonEmptyPageRestartsRatherThanEndingEarly() {
        ListStubs.ScrollScript script = new ListStubs.ScrollScript(intercom, "expired")
                .page(null, List.of(CO1), "s1")
                .page("s1", List.of(CO2), "s1")
                .error("s1", 404, "not_found", "Resource Not Found")
                .page(null, List.of(CO1), "t1")
                .page("t1", List.of(CO2), "t1")
                .page("t1", List.of(CO3), "t1")
                .end("t1");

        TapRun.Result result = IncrementalE2E.sync(NOW, config, catalog, null);

        ListStubs.verifyQueries(intercom, ListStubs.SCROLL, script.queries());
        assertEquals(Set.of("co1", "co2", "co3"), Set.copyOf(result.ids("companies")));
        assertEquals(List.of("co1", "co2", "co3"), result.ids("companies"), "each company written once");
    }
}
