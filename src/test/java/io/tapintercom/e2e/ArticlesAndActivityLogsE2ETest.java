package io.tapintercom.e2e;

import static io.tapintercom.e2e.IncrementalE2E.NOW;
import static io.tapintercom.e2e.IncrementalE2E.START;
import static io.tapintercom.e2e.IncrementalE2E.activityLog;
import static io.tapintercom.e2e.IncrementalE2E.article;
import static io.tapintercom.e2e.IncrementalE2E.at;
import static io.tapintercom.e2e.IncrementalE2E.days;
import static io.tapintercom.e2e.IncrementalE2E.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
 * articles: GET /articles page by page (newest first), filtered on updated_at by the tap.
 * activity_logs: GET /admins/activity_logs with created_at_after = the window's start and
 * created_at_before = the run's clock, replication key created_at. Both bookmark the highest value
 * emitted when the stream completes.
 */
class ArticlesAndActivityLogsE2ETest {
    @RegisterExtension
    static WireMockExtension intercom = LocalWireMock.extension();

    @TempDir
    Path dir;
    String config;

    @BeforeEach
    void files() {
        config = IncrementalE2E.config(dir, intercom.baseUrl());
    }

    // ---- articles ---------------------------------------------------------------------------------

    static final ObjectNode ART3 = article("3", at("2026-10-31T20:00:00Z"));
    static final ObjectNode ART2 = article("2", at("2025-06-01T00:00:00Z"));
    static final ObjectNode ART1 = article("1", at("2020-02-01T00:00:00Z"));
    static final ObjectNode ART_OLD = article("0", at("2019-03-01T00:00:00Z"));
    static final ObjectNode ART4 = article("4", at("2026-11-02T01:00:00Z"));
    static final ObjectNode ART_EDGE = article("9", at("2026-10-01T19:59:59Z"));

    @Test
    void articlesFirstSyncEmitsTheArticlesFromStartDateOnAndBookmarksTheNewest() {
        String catalog = IncrementalE2E.catalog(dir, config, "articles");
        List<Map<String, String>> queries = ListStubs.articles(intercom, List.of(List.of(ART3, ART2), List.of(ART1, ART_OLD)));

        TapRun.Result result = IncrementalE2E.sync(NOW, config, catalog, null);

        ListStubs.verifyQueries(intercom, ListStubs.ARTICLES, queries);
        assertEquals(List.of(Map.of("page", "1", "per_page", "150"), Map.of("page", "2", "per_page", "150")), queries);
        assertEquals(List.of("3", "2", "1"), result.ids("articles"));
        assertEquals(List.of("STATE", "SCHEMA:articles", "RECORD:articles x3", "STATE", "STATE"), IncrementalE2E.shape(result));
        assertEquals(List.of(
                json("{\"currently_syncing\":\"articles\",\"bookmarks\":{}}"),
                json("{\"currently_syncing\":\"articles\",\"bookmarks\":{\"articles\":{\"updated_at\":\"2026-10-31T20:00:00.000000Z\"}}}"),
                json("{\"currently_syncing\":null,\"bookmarks\":{\"articles\":{\"updated_at\":\"2026-10-31T20:00:00.000000Z\"}}}")),
                IncrementalE2E.stateValues(result));
        assertEquals("[\"updated_at\"]", result.schema("articles").path("bookmark_properties").toString());
        assertEquals("2026-10-31T20:00:00.000000Z", result.records("articles").get(0).path("updated_at").asText());
    }

    @Test
    void articlesSecondSyncEmitsOnlyTheBookmarkLessThirtyDaysOn() {
        String catalog = IncrementalE2E.catalog(dir, config, "articles");
        ListStubs.articles(intercom, List.of(List.of(ART3, ART2), List.of(ART1, ART_OLD)));
        JsonNode emitted = IncrementalE2E.sync(NOW, config, catalog, null).lastState();
        intercom.resetAll();
        List<Map<String, String>> queries = ListStubs.articles(intercom, List.of(List.of(ART4, ART3), List.of(ART_EDGE, ART2)));

        TapRun.Result second = IncrementalE2E.sync(days(NOW, 1), config, catalog, IncrementalE2E.state(dir, emitted));

        ListStubs.verifyQueries(intercom, ListStubs.ARTICLES, queries);
        // From 2026-10-31T20:00:00Z less 30 days = 2026-10-01T20:00:00Z; article 9 is a second before.
        assertEquals(List.of("4", "3"), second.ids("articles"));
        assertEquals(json("{\"currently_syncing\":null,\"bookmarks\":{\"articles\":{\"updated_at\":\"2026-11-02T01:00:00.000000Z\"}}}"),
                second.lastState());
    }

    @Test
    void articlesRunKilledAfterAnyStateResumesWithoutLosingAnArticle() {
        String catalog = IncrementalE2E.catalog(dir, config, "articles");
        config = IncrementalE2E.config(dir, intercom.baseUrl(), c -> c.put("attribution_window_days", 0));
        List<List<ObjectNode>> pages = List.of(List.of(ART3, ART2), List.of(ART1), List.of(ART_OLD));
        ListStubs.articles(intercom, pages);
        int states = IncrementalE2E.sync(NOW, config, catalog, null).ofType("STATE").size();
        assertEquals(3, states);

        for (int n = 1; n < states; n++) {
            intercom.resetAll();
            ListStubs.articles(intercom, pages);
            TapRun.Result killed = IncrementalE2E.killed(n, NOW, config, catalog, null);
            intercom.resetAll();
            List<Map<String, String>> queries = ListStubs.articles(intercom, pages);
            TapRun.Result resumed = IncrementalE2E.sync(NOW.plus(Duration.ofHours(1)), config, catalog,
                    IncrementalE2E.state(dir, killed.lastState()));

            ListStubs.verifyQueries(intercom, ListStubs.ARTICLES, queries);
            assertEquals(Set.of("1", "2", "3"), IncrementalE2E.union(killed.ids("articles"), resumed.ids("articles")),
                    "killed after STATE " + n);
            assertEquals("2026-10-31T20:00:00.000000Z", IncrementalE2E.bookmark(resumed.lastState(), "articles", "updated_at"));
        }
    }

    @Test
    void anArticleUpdatedDuringTheSyncWaitsForTheNextRun() {
        String catalog = IncrementalE2E.catalog(dir, config, "articles");
        ObjectNode during = article("5", NOW.plus(Duration.ofMinutes(5)));
        ListStubs.articles(intercom, List.of(List.of(during, ART3), List.of(ART2)));

        TapRun.Result first = IncrementalE2E.sync(NOW, config, catalog, null);

        assertEquals(List.of("3", "2"), first.ids("articles"));
        assertEquals("2026-10-31T20:00:00.000000Z", IncrementalE2E.bookmark(first.lastState(), "articles", "updated_at"));

        TapRun.Result second = IncrementalE2E.sync(days(NOW, 1), config, catalog, IncrementalE2E.state(dir, first.lastState()));

        assertEquals(List.of("5", "3"), second.ids("articles"));
        assertEquals("2026-11-01T12:05:00.000000Z", IncrementalE2E.bookmark(second.lastState(), "articles", "updated_at"));
    }

    // ---- activity logs ----------------------------------------------------------------------------

    static final ObjectNode LOG3 = activityLog("log-3", at("2026-10-31T10:00:00Z"));
    static final ObjectNode LOG2 = activityLog("log-2", at("2024-01-01T00:00:00Z"));
    static final ObjectNode LOG1 = activityLog("log-1", START);
    static final ObjectNode LOG4 = activityLog("log-4", at("2026-11-02T01:00:00Z"));
    static final ObjectNode LOG_EDGE = activityLog("log-edge", at("2026-10-01T09:59:59Z"));

    @Test
    void activityLogsFirstSyncAsksForStartDateToTheClockAndBookmarksCreatedAt() {
        String catalog = IncrementalE2E.catalog(dir, config, "activity_logs");
        List<Map<String, String>> queries = ListStubs.activityLogs(intercom, START, NOW, List.of(List.of(LOG3, LOG2), List.of(LOG1)));

        TapRun.Result result = IncrementalE2E.sync(NOW, config, catalog, null);

        assertEquals(Map.of("created_at_after", "1577836800", "created_at_before", "1793534400", "page", "1", "per_page", "150"),
                queries.get(0));
        ListStubs.verifyQueries(intercom, ListStubs.ACTIVITY_LOGS, queries);
        assertEquals(List.of("log-3", "log-2", "log-1"), result.ids("activity_logs"));
        assertEquals(List.of("STATE", "SCHEMA:activity_logs", "RECORD:activity_logs x3", "STATE", "STATE"), IncrementalE2E.shape(result));
        assertEquals(List.of(
                json("{\"currently_syncing\":\"activity_logs\",\"bookmarks\":{}}"),
                json("{\"currently_syncing\":\"activity_logs\",\"bookmarks\":{\"activity_logs\":{\"created_at\":\"2026-10-31T10:00:00.000000Z\"}}}"),
                json("{\"currently_syncing\":null,\"bookmarks\":{\"activity_logs\":{\"created_at\":\"2026-10-31T10:00:00.000000Z\"}}}")),
                IncrementalE2E.stateValues(result));
        assertEquals("[\"created_at\"]", result.schema("activity_logs").path("bookmark_properties").toString());
        assertEquals("2020-01-01T00:00:00.000000Z", result.records("activity_logs").get(2).path("created_at").asText());
    }

    @Test
    void activityLogsSecondSyncAsksFromTheBookmarkLessThirtyDaysToItsOwnClock() {
        String catalog = IncrementalE2E.catalog(dir, config, "activity_logs");
        ListStubs.activityLogs(intercom, START, NOW, List.of(List.of(LOG3, LOG2), List.of(LOG1)));
        JsonNode emitted = IncrementalE2E.sync(NOW, config, catalog, null).lastState();
        intercom.resetAll();
        Instant later = days(NOW, 1);
        Instant from = at("2026-10-01T10:00:00Z");
        // Should Intercom hand back a log from before created_at_after, the tap still drops it.
        List<Map<String, String>> queries = ListStubs.activityLogs(intercom, from, later, List.of(List.of(LOG4, LOG3), List.of(LOG_EDGE)));

        TapRun.Result second = IncrementalE2E.sync(later, config, catalog, IncrementalE2E.state(dir, emitted));

        assertEquals(Map.of("created_at_after", Long.toString(from.getEpochSecond()), "created_at_before",
                Long.toString(later.getEpochSecond()), "page", "1", "per_page", "150"), queries.get(0));
        ListStubs.verifyQueries(intercom, ListStubs.ACTIVITY_LOGS, queries);
        assertEquals(List.of("log-4", "log-3"), second.ids("activity_logs"));
        assertEquals(json("{\"currently_syncing\":null,\"bookmarks\":{\"activity_logs\":{\"created_at\":\"2026-11-02T01:00:00.000000Z\"}}}"),
                second.lastState());
    }

    @Test
    void activityLogsRunKilledAfterAnyStateResumesWithoutLosingALog() {
        String catalog = IncrementalE2E.catalog(dir, config, "activity_logs");
        config = IncrementalE2E.config(dir, intercom.baseUrl(), c -> c.put("attribution_window_days", 0));
        List<List<ObjectNode>> pages = List.of(List.of(LOG3), List.of(LOG2), List.of(LOG1));
        ListStubs.activityLogs(intercom, START, NOW, pages);
        int states = IncrementalE2E.sync(NOW, config, catalog, null).ofType("STATE").size();
        assertEquals(3, states);

        Instant resumedAt = NOW.plus(Duration.ofHours(1));
        for (int n = 1; n < states; n++) {
            intercom.resetAll();
            ListStubs.activityLogs(intercom, START, NOW, pages);
            TapRun.Result killed = IncrementalE2E.killed(n, NOW, config, catalog, null);
            JsonNode last = killed.lastState();
            intercom.resetAll();
            Instant from = IncrementalE2E.expectedFrom(last, "activity_logs", "created_at", 0, START);
            List<List<ObjectNode>> served = pages.stream()
                    .map(p -> p.stream().filter(l -> l.path("created_at").asLong() >= from.getEpochSecond()).toList())
                    .filter(p -> !p.isEmpty()).toList();
            List<Map<String, String>> queries = ListStubs.activityLogs(intercom, from, resumedAt, served);
            TapRun.Result resumed = IncrementalE2E.sync(resumedAt, config, catalog, IncrementalE2E.state(dir, last));

            ListStubs.verifyQueries(intercom, ListStubs.ACTIVITY_LOGS, queries);
            assertEquals(Set.of("log-1", "log-2", "log-3"), IncrementalE2E.union(killed.ids("activity_logs"), resumed.ids("activity_logs")),
                    "killed after STATE " + n + " (" + last + ")");
            assertEquals("2026-10-31T10:00:00.000000Z", IncrementalE2E.bookmark(resumed.lastState(), "activity_logs", "created_at"));
        }
    }

    @Test
    void aLogCreatedDuringTheSyncWaitsForTheNextRun() {
        String catalog = IncrementalE2E.catalog(dir, config, "activity_logs");
        ObjectNode during = activityLog("log-during", NOW.plus(Duration.ofMinutes(5)));
        // Logged while the pages were read, it comes back although created_at_before excluded it.
        ListStubs.activityLogs(intercom, START, NOW, List.of(List.of(during, LOG3), List.of(LOG2)));

        TapRun.Result first = IncrementalE2E.sync(NOW, config, catalog, null);

        assertEquals(List.of("log-3", "log-2"), first.ids("activity_logs"));
        assertEquals("2026-10-31T10:00:00.000000Z", IncrementalE2E.bookmark(first.lastState(), "activity_logs", "created_at"));

        intercom.resetAll();
        Instant later = days(NOW, 1);
        List<Map<String, String>> queries = ListStubs.activityLogs(intercom, at("2026-10-01T10:00:00Z"), later,
                List.of(List.of(during, LOG3)));
        TapRun.Result second = IncrementalE2E.sync(later, config, catalog, IncrementalE2E.state(dir, first.lastState()));

        ListStubs.verifyQueries(intercom, ListStubs.ACTIVITY_LOGS, queries);
        assertEquals(List.of("log-during", "log-3"), second.ids("activity_logs"));
        assertEquals("2026-11-01T12:05:00.000000Z", IncrementalE2E.bookmark(second.lastState(), "activity_logs", "created_at"));
    }
}
