package io.tapintercom.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static io.tapintercom.e2e.IncrementalE2E.NOW;
import static io.tapintercom.e2e.IncrementalE2E.START;
import static io.tapintercom.e2e.IncrementalE2E.at;
import static io.tapintercom.e2e.IncrementalE2E.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.tapintercom.e2e.SearchStubs.Search;
import io.tapintercom.singer.Json;
import io.tapintercom.testing.LocalWireMock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The six incremental streams together: where each read starts (bookmark − attribution window, never
 * before start_date), state as other taps wrote it, bad bookmarks, currently_syncing, the catalog's
 * replication metadata, and a run killed at every STATE across all six.
 */
class ResumeAndStateE2ETest {
    @RegisterExtension
    static WireMockExtension intercom = LocalWireMock.extension();

    static final List<String> STREAMS = List.of("contacts", "companies", "conversations", "tickets", "articles", "activity_logs");

    @TempDir
    Path dir;
    String config;
    String catalog;

    @BeforeEach
    void files() {
        config = IncrementalE2E.config(dir, intercom.baseUrl());
        catalog = IncrementalE2E.catalog(dir, config, STREAMS.toArray(String[]::new));
    }

    static String key(String stream) {
        return stream.equals("activity_logs") ? "created_at" : "updated_at";
    }

    static ObjectNode record(String stream, String id, Instant at) {
        return switch (stream) {
            case "contacts" -> IncrementalE2E.contact(id, at);
            case "companies" -> IncrementalE2E.company(id, at);
            case "conversations" -> IncrementalE2E.conversation(id, at);
            case "tickets" -> IncrementalE2E.ticket(id, at);
            case "articles" -> IncrementalE2E.article(id, at);
            case "activity_logs" -> IncrementalE2E.activityLog(id, at);
            default -> throw new IllegalArgumentException(stream);
        };
    }

    static Search search(String stream) {
        return switch (stream) {
            case "contacts" -> Search.CONTACTS;
            case "conversations" -> Search.CONVERSATIONS;
            case "tickets" -> Search.TICKETS;
            default -> null;
        };
    }

    static final Instant NEWEST = at("2026-10-31T00:00:00Z");

    /**
     * A sync of all six streams at NOW where each stream's read must start at {@code from}: around that
     * point every stream has a record a second before (never emitted), one exactly at it and one a day
     * later, and one at 2026-10-31 (all three emitted, the last one bookmarked). Checks every request
     * against the window and returns the run.
     */
    private TapRun.Result windowCase(String runConfig, JsonNode state, Map<String, Instant> from) {
        Map<String, List<String>> asked = new LinkedHashMap<>();
        List<Map<String, String>> logQueries = List.of();
        for (String stream : STREAMS) {
            Instant start = from.get(stream);
            ObjectNode before = record(stream, stream + "-before", start.minusSeconds(1));
            ObjectNode exact = record(stream, stream + "-at", start);
            ObjectNode later = record(stream, stream + "-later", start.plus(Duration.ofDays(1)));
            ObjectNode newest = record(stream, stream + "-newest", NEWEST);
            Search search = search(stream);
            if (search != null) {
                asked.put(stream, SearchStubs.window(intercom, search, List.of(before, exact, later, newest), start, NOW, 150));
            }
            switch (stream) {
                case "companies" -> ListStubs.scroll(intercom, List.of(List.of(newest, later, before), List.of(exact)));
                case "articles" -> ListStubs.articles(intercom, List.of(List.of(newest, later), List.of(exact, before)));
                // Should created_at_after be inclusive-ish, the log a second before comes back too.
                case "activity_logs" -> logQueries = ListStubs.activityLogs(intercom, start, NOW,
                        List.of(List.of(newest, later, exact, before)));
                default -> { }
            }
        }

        TapRun.Result result = IncrementalE2E.sync(NOW, runConfig, catalog, IncrementalE2E.state(dir, state));

        asked.forEach((stream, bodies) -> SearchStubs.verifyAsked(intercom, search(stream), bodies));
        ListStubs.verifyQueries(intercom, ListStubs.ACTIVITY_LOGS, logQueries);
        for (String stream : STREAMS) {
            assertEquals(Set.of(stream + "-at", stream + "-later", stream + "-newest"), Set.copyOf(result.ids(stream)),
                    stream + "\n" + result.stderr());
            assertEquals("2026-10-31T00:00:00.000000Z", IncrementalE2E.bookmark(result.lastState(), stream, key(stream)), stream);
            IncrementalE2E.assertBookmarksFollowRecords(result, stream, key(stream), NOW);
        }
        return result;
    }

    private static Map<String, Instant> each(BiFunction<String, Integer, Instant> from) {
        Map<String, Instant> map = new LinkedHashMap<>();
        for (int i = 0; i < STREAMS.size(); i++) {
            map.put(STREAMS.get(i), from.apply(STREAMS.get(i), i));
        }
        return map;
    }

    private static ObjectNode stateWith(Map<String, Instant> bookmarks) {
        ObjectNode state = Json.object();
        state.putNull("currently_syncing");
        ObjectNode all = state.putObject("bookmarks");
        bookmarks.forEach((stream, value) -> all.putObject(stream).put(key(stream), IncrementalE2E.iso(value)));
        return state;
    }

    @Test
    void withAnAttributionWindowOfZeroEveryStreamStartsExactlyAtItsBookmark() {
        Map<String, Instant> bookmarks = each((stream, i) -> at("2026-10-20T15:00:00Z").plus(Duration.ofDays(i)));
        String zero = IncrementalE2E.config(dir, intercom.baseUrl(), c -> c.put("attribution_window_days", 0));

        TapRun.Result result = windowCase(zero, stateWith(bookmarks), bookmarks);

        // Contacts still ask from a day before (day-granular search): 2026-10-19T15:00:00Z.
        assertTrue(SearchStubs.asked(intercom, Search.CONTACTS, null).get(0)
                .contains("\"value\":" + at("2026-10-19T15:00:00Z").getEpochSecond()));
        assertTrue(SearchStubs.asked(intercom, Search.TICKETS, null).get(0)
                .contains("\"value\":" + (at("2026-10-23T15:00:00Z").getEpochSecond() - 1)));
        assertEquals(List.of("contacts", "companies", "conversations", "tickets", "articles", "activity_logs"),
                result.ofType("SCHEMA").stream().map(m -> m.path("stream").asText()).toList());
    }

    @Test
    void aStartDateLaterThanBookmarkLessWindowWins() {
        Instant start = at("2026-10-20T00:00:00Z");
        String late = IncrementalE2E.config(dir, intercom.baseUrl(), c -> c.put("start_date", "2026-10-20T00:00:00Z"));
        // Bookmarks of 2026-10-25 less 30 days would be 2026-09-25: before start_date.
        Map<String, Instant> bookmarks = each((stream, i) -> at("2026-10-25T00:00:00Z"));

        windowCase(late, stateWith(bookmarks), each((stream, i) -> start));

        assertEquals(at("2026-10-19T00:00:00Z").getEpochSecond(),
                SearchStubs.afterValue(SearchStubs.asked(intercom, Search.CONTACTS, null).get(0)));
    }

    @Test
    void stateWrittenBySingerIoTapIntercomIsReadAsIs() {
        // singer-io/tap-intercom's nested bookmarks; streams it has no bookmark for start at start_date.
        String legacy = "{\"currently_syncing\": null, \"bookmarks\": {"
                + "\"contacts\": {\"updated_at\": \"2026-10-15T08:30:00.000000Z\"},"
                + "\"companies\": {\"updated_at\": \"2026-09-30T00:00:00Z\"},"
                + "\"conversations\": {\"updated_at\": \"2026-10-10T16:35:11.000000Z\"}}}";
        Map<String, Instant> from = each((stream, i) -> START);
        from.put("contacts", at("2026-09-15T08:30:00Z"));
        from.put("companies", at("2026-08-31T00:00:00Z"));
        from.put("conversations", at("2026-09-10T16:35:11Z"));

        TapRun.Result result = windowCase(config, json(legacy), from);

        assertTrue(result.stderr().contains("stream contacts: reading records with updated_at from 2026-09-15T08:30:00.000000Z"),
                result.stderr());
    }

    @Test
    void theOlderFlatStateIsReadAndWrittenBackNested() {
        String flat = "{\"bookmarks\":{\"companies\":\"2021-06-01T00:00:00Z\",\"contacts\":\"2026-10-15T08:30:00Z\"}}";
        Map<String, Instant> from = each((stream, i) -> START);
        from.put("companies", at("2021-05-02T00:00:00Z"));
        from.put("contacts", at("2026-09-15T08:30:00Z"));

        TapRun.Result result = windowCase(config, json(flat), from);

        assertEquals(json("{\"updated_at\":\"2026-10-31T00:00:00.000000Z\"}"), result.lastState().path("bookmarks").path("companies"));
        assertEquals(json("{\"updated_at\":\"2026-10-31T00:00:00.000000Z\"}"), result.lastState().path("bookmarks").path("contacts"));
    }

    @Test
    void aBookmarkThatIsNotADateStopsTheRunBeforeAnyOutputNamingTheStream() {
        TapRun.Result nested = TapRun.tap().run("--config", config, "--catalog", catalog, "--state",
                IncrementalE2E.state(dir, "{\"bookmarks\":{\"contacts\":{\"updated_at\":\"yesterday\"}}}"));
        assertEquals(2, nested.exit(), nested.toString());
        assertEquals("CRITICAL state: the updated_at bookmark of stream \"contacts\" (\"yesterday\") is not a date\n", nested.stderr());
        assertEquals("", nested.stdout());

        TapRun.Result flat = TapRun.tap().run("--config", config, "--catalog", catalog, "--state",
                IncrementalE2E.state(dir, "{\"bookmarks\":{\"companies\":\"last tuesday\"}}"));
        assertEquals(2, flat.exit(), flat.toString());
        assertEquals("CRITICAL state: the updated_at bookmark of stream \"companies\" (\"last tuesday\") is not a date\n", flat.stderr());
        assertEquals("", flat.stdout());
        intercom.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void aBookmarkInTheFutureStopsTheRunNamingTheStream() {
        TapRun.Result result = TapRun.tap().run("--config", config, "--catalog", catalog, "--state",
                IncrementalE2E.state(dir, "{\"bookmarks\":{\"tickets\":{\"updated_at\":\"2027-01-01T00:00:00Z\"}}}"));

        assertEquals(2, result.exit(), result.toString());
        assertEquals("CRITICAL state: the updated_at bookmark of stream \"tickets\" (2027-01-01T00:00:00Z) is in the future;"
                + " fix or remove it\n", result.stderr());
        assertEquals("", result.stdout());
        intercom.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void anInterruptedRunIsResumedWithTheStreamItWasSyncing() {
        // One stream at a time, so that the order of the whole output is the order the run chose.
        String sequential = IncrementalE2E.config(dir, intercom.baseUrl(), E2E::oneStreamAtATime);
        String three = IncrementalE2E.catalog(dir, sequential, "contacts", "conversations", "tickets");
        Map<Search, String> asked = new LinkedHashMap<>();
        for (Search search : Search.values()) {
            List<ObjectNode> data = List.of(record(search.stream, "1", at("2026-10-28T00:00:00Z")));
            asked.put(search, SearchStubs.window(intercom, search, data, at("2026-10-01T00:00:00Z"), NOW, 150).get(0));
        }
        String state = "{\"currently_syncing\":\"tickets\",\"bookmarks\":{"
                + "\"contacts\":{\"updated_at\":\"2026-10-31T00:00:00.000000Z\"},"
                + "\"conversations\":{\"updated_at\":\"2026-10-31T00:00:00.000000Z\"},"
                + "\"tickets\":{\"updated_at\":\"2026-10-31T00:00:00.000000Z\"}}}";

        TapRun.Result result = IncrementalE2E.sync(NOW, sequential, three, IncrementalE2E.state(dir, state));

        assertEquals(List.of("STATE", "SCHEMA:tickets", "RECORD:tickets x1", "STATE", "SCHEMA:contacts", "RECORD:contacts x1",
                "STATE", "SCHEMA:conversations", "RECORD:conversations x1", "STATE"), IncrementalE2E.shape(result));
        assertEquals("tickets", IncrementalE2E.stateValues(result).get(0).path("currently_syncing").asText());
        assertEquals("contacts", IncrementalE2E.stateValues(result).get(1).path("currently_syncing").asText());
        assertTrue(result.lastState().path("currently_syncing").isNull());
        assertTrue(result.stderr().contains("resuming with stream tickets, which the last run did not finish"), result.stderr());
        asked.forEach((search, body) -> SearchStubs.verifyAsked(intercom, search, List.of(body)));
    }

    @Test
    void theCatalogDeclaresEachIncrementalStreamAndItsReplicationKey() {
        TapRun.Result discovered = TapRun.tap().run("--config", config, "--discover");
        assertEquals(0, discovered.exit(), discovered.toString());
        for (String stream : STREAMS) {
            JsonNode entry = null;
            for (JsonNode candidate : discovered.json().path("streams")) {
                if (candidate.path("tap_stream_id").asText().equals(stream)) {
                    entry = candidate;
                }
            }
            assertTrue(entry != null, stream);
            JsonNode top = null;
            String keyInclusion = null;
            String idInclusion = null;
            for (JsonNode item : entry.path("metadata")) {
                String crumb = item.path("breadcrumb").toString();
                if (crumb.equals("[]")) {
                    top = item.path("metadata");
                } else if (crumb.equals("[\"properties\",\"" + key(stream) + "\"]")) {
                    keyInclusion = item.path("metadata").path("inclusion").asText();
                } else if (crumb.equals("[\"properties\",\"id\"]")) {
                    idInclusion = item.path("metadata").path("inclusion").asText();
                }
            }
            assertEquals("INCREMENTAL", top.path("forced-replication-method").asText(), stream);
            assertEquals("[\"" + key(stream) + "\"]", top.path("valid-replication-keys").toString(), stream);
            assertEquals("[\"id\"]", top.path("table-key-properties").toString(), stream);
            assertEquals("automatic", keyInclusion, stream);
            assertEquals("automatic", idInclusion, stream);
            assertTrue(entry.path("schema").path("properties").has(key(stream)), stream);
        }
    }

    // ---- a run killed anywhere across all six streams -------------------------------------------------

    static final Map<String, List<ObjectNode>> WORKSPACE = new LinkedHashMap<>();

    static {
        for (String stream : STREAMS) {
            WORKSPACE.put(stream, List.of(
                    record(stream, stream + "-1", at("2026-10-01T09:00:00Z")),
                    record(stream, stream + "-2", at("2026-10-02T10:00:00Z")),
                    record(stream, stream + "-3", at("2026-10-02T10:00:00Z")),
                    record(stream, stream + "-4", at("2026-10-03T08:00:00Z")),
                    record(stream, stream + "-5", at("2026-10-03T17:30:00Z"))));
        }
    }

    /** Intercom as a run starting from this state (no attribution window) at this clock would find it. */
    private void stubWorkspace(Instant clock, JsonNode state) {
        for (Search search : Search.values()) {
            Instant from = IncrementalE2E.expectedFrom(state, search.stream, "updated_at", 0, START);
            SearchStubs.window(intercom, search, WORKSPACE.get(search.stream), from, clock, 2);
        }
        List<ObjectNode> companies = WORKSPACE.get("companies");
        ListStubs.scroll(intercom, List.of(List.of(companies.get(4), companies.get(0)), List.of(companies.get(2), companies.get(1)),
                List.of(companies.get(3))));
        List<ObjectNode> articles = newestFirst(WORKSPACE.get("articles"));
        ListStubs.articles(intercom, List.of(articles.subList(0, 2), articles.subList(2, 4), articles.subList(4, 5)));
        Instant logsFrom = IncrementalE2E.expectedFrom(state, "activity_logs", "created_at", 0, START);
        List<ObjectNode> logs = newestFirst(WORKSPACE.get("activity_logs")).stream()
                .filter(l -> l.path("created_at").asLong() >= logsFrom.getEpochSecond()).toList();
        ListStubs.activityLogs(intercom, logsFrom, clock, List.of(logs.subList(0, Math.min(2, logs.size())),
                logs.subList(Math.min(2, logs.size()), logs.size())));
    }

    @Test
    void aRunKilledAfterAnyStateAcrossAllSixStreamsResumesWithItsStreamAndLosesNothing() {
        // One stream at a time: the count of STATEs and the stream a resumed run starts with are exact then.
        String noWindow = IncrementalE2E.config(dir, intercom.baseUrl(),
                c -> E2E.oneStreamAtATime(c).put("search_page_size", 2).put("attribution_window_days", 0));
        stubWorkspace(NOW, Json.object());
        TapRun.Result whole = IncrementalE2E.sync(NOW, noWindow, catalog, null);
        for (String stream : STREAMS) {
            assertEquals(Set.copyOf(IncrementalE2E.idsOf(WORKSPACE.get(stream))), Set.copyOf(whole.ids(stream)), stream);
        }
        int states = whole.ofType("STATE").size();
        assertEquals(19, states, IncrementalE2E.shape(whole).toString());

        Instant resumedAt = NOW.plus(Duration.ofHours(1));
        for (int n = 1; n < states; n++) {
            intercom.resetAll();
            stubWorkspace(NOW, Json.object());
            TapRun.Result killed = IncrementalE2E.killed(n, NOW, noWindow, catalog, null);
            JsonNode last = killed.lastState();

            intercom.resetAll();
            stubWorkspace(resumedAt, last);
            TapRun.Result resumed = IncrementalE2E.sync(resumedAt, noWindow, catalog, IncrementalE2E.state(dir, last));

            String syncing = last.path("currently_syncing").isNull() ? null : last.path("currently_syncing").asText();
            if (syncing != null) {
                assertEquals(syncing, resumed.ofType("SCHEMA").get(0).path("stream").asText(), "killed after STATE " + n);
                assertEquals(syncing, IncrementalE2E.stateValues(resumed).get(0).path("currently_syncing").asText());
            }
            for (String stream : STREAMS) {
                assertEquals(Set.copyOf(IncrementalE2E.idsOf(WORKSPACE.get(stream))),
                        IncrementalE2E.union(killed.ids(stream), resumed.ids(stream)),
                        stream + ", killed after STATE " + n + " (" + last + ")");
                assertEquals(iso("2026-10-03T17:30:00Z"), IncrementalE2E.bookmark(resumed.lastState(), stream, key(stream)), stream);
                IncrementalE2E.assertBookmarksFollowRecords(killed, stream, key(stream), NOW);
                IncrementalE2E.assertBookmarksFollowRecords(resumed, stream, key(stream), resumedAt);
            }
        }
    }

    private static List<ObjectNode> newestFirst(List<ObjectNode> records) {
        List<ObjectNode> copy = new java.util.ArrayList<>(records);
        java.util.Collections.reverse(copy);
        return copy;
    }

    private static String iso(String instant) {
        return IncrementalE2E.iso(Instant.parse(instant));
    }
}
