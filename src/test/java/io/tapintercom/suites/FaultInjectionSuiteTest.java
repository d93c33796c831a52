package io.tapintercom.suites;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.tapintercom.e2e.SchemaCheck;
import io.tapintercom.e2e.TapRun;
import io.tapintercom.fake.FakeIntercom;
import io.tapintercom.fake.FakeOptions;
import io.tapintercom.fake.MutableClock;
import io.tapintercom.fake.WorkspaceProfile;
import io.tapintercom.streams.StreamDefinition;
import io.tapintercom.streams.Streams;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tap against a realistic fake workspace under faults, kills and updates: it must end with every
 * record the fake holds, compared by key and timestamp.
 */
class FaultInjectionSuiteTest {
    private static final Instant FAKE_NOW = FakeOptions.DEFAULT_NOW;
    /** Every stream of the tap, those not selected by default included. */
    private static final Set<String> ALL = Streams.intercom(150, false).all().stream().map(StreamDefinition::name)
            .collect(java.util.stream.Collectors.toSet());

    @TempDir
    Path dir;

    @Test
    void aSyncUnderServerErrorsCutOffBodiesDroppedConnectionsAndATightRateLimitGetsEveryRecord() {
        MutableClock clock = new MutableClock(FAKE_NOW.plus(Duration.ofHours(1)));
        FakeOptions options = FakeOptions.builder().profile(WorkspaceProfile.small()).clock(clock)
                .rateLimitPer10Seconds(60).serverErrorRate(0.05).truncatedBodyRate(0.01).droppedConnectionRate(0.01).build();
        try (FakeIntercom fake = FakeIntercom.start(options)) {
            FakeWorkspaceRun run = new FakeWorkspaceRun(fake, clock, dir, ALL);

            TapRun.Result result = run.sync(null);

            assertEquals(0, result.exit(), result.toString());
            SchemaCheck.assertValid(result);
            Map<String, Map<String, Long>> seen = new HashMap<>();
            FakeWorkspaceRun.collect(result, seen);
            assertEverything(run.truth(), seen);
            assertTrue(result.stderr().contains("conversation " + fake.workspace().largeConversationId() + " has "
                    + fake.workspace().partCount(fake.workspace().largeConversationId())
                    + " parts but Intercom returns only the 500 most recent"), "the truncation must be reported");
            assertTrue(fake.stats().faultsInjected() > 10, "faults injected: " + fake.stats().faultsInjected());
            assertTrue(fake.stats().rateLimitedResponses() <= 10,
                    "the tap should pace itself, not run into the limit: " + fake.stats().rateLimitedResponses() + " 429s");
        }
    }

    @Test
    void aSyncKilledAtRandomPointsAndResumedFromItsLastStateEndsWithEveryRecord() {
        MutableClock clock = new MutableClock(FAKE_NOW.plus(Duration.ofHours(1)));
        FakeOptions options = FakeOptions.builder().profile(WorkspaceProfile.small()).clock(clock).build();
        try (FakeIntercom fake = FakeIntercom.start(options)) {
            FakeWorkspaceRun run = new FakeWorkspaceRun(fake, clock, dir, ALL);
            int statesInACleanRun = run.sync(null).ofType("STATE").size();
            Random random = new Random(20261122);
            Map<String, Map<String, Long>> seen = new HashMap<>();
            JsonNode state = null;
            List<Integer> killPoints = new ArrayList<>();
            for (int kill = 0; kill < 6; kill++) {
                int after = 1 + random.nextInt(Math.max(1, statesInACleanRun / 3));
                TapRun.Result killed = run.tap().killedAfterStates(after).run(args(run, state));
                FakeWorkspaceRun.collect(killed, seen);
                state = killed.lastState();
                killPoints.add(after);
                clock.advance(Duration.ofMinutes(1));
            }
            TapRun.Result last = run.sync(state);
            assertEquals(0, last.exit(), last.toString());
            FakeWorkspaceRun.collect(last, seen);

            assertTrue(killPoints.size() >= 5);
            assertEverything(run.truth(), seen);
        }
    }

    /**
     * Every group at once, and the searches cut into slices (ten records a page: 30 pages of contacts, 12 of
     * conversations), killed at random points while several streams and slices are in flight.
     */
    @Test
    void aParallelSyncWithSlicedSearchesKilledAtRandomPointsResumesWithEveryRecord() {
        MutableClock clock = new MutableClock(FAKE_NOW.plus(Duration.ofHours(1)));
        FakeOptions options = FakeOptions.builder().profile(WorkspaceProfile.small()).clock(clock).build();
        try (FakeIntercom fake = FakeIntercom.start(options)) {
            FakeWorkspaceRun run = new FakeWorkspaceRun(fake, clock, dir, ALL,
                    c -> c.put("search_page_size", 10).put("attribution_window_days", 0));
            TapRun.Result clean = run.sync(null);
            assertEquals(0, clean.exit(), clean.toString());
            assertTrue(clean.stderr().contains("stream contacts: reading the rest"), "contacts were read in slices\n" + clean.stderr());
            int statesInACleanRun = clean.ofType("STATE").size();
            Random random = new Random(20261130);
            Map<String, Map<String, Long>> seen = new HashMap<>();
            JsonNode state = null;
            for (int kill = 0; kill < 6; kill++) {
                int after = 1 + random.nextInt(Math.max(1, statesInACleanRun / 3));
                TapRun.Result killed = run.tap().killedAfterStates(after).run(args(run, state));
                FakeWorkspaceRun.collect(killed, seen);
                assertValidSinger(killed);
                state = killed.lastState();
                clock.advance(Duration.ofMinutes(1));
            }
            TapRun.Result last = run.sync(state);
            assertEquals(0, last.exit(), last.toString());
            FakeWorkspaceRun.collect(last, seen);

            assertEverything(run.truth(), seen);
        }
    }

    /** With every group at once, stdout is still a valid Singer stream: whole lines, SCHEMA before RECORD, full STATEs. */
    @Test
    void interleavedStreamsStillMakeValidSinger() {
        MutableClock clock = new MutableClock(FAKE_NOW.plus(Duration.ofHours(1)));
        FakeOptions options = FakeOptions.builder().profile(WorkspaceProfile.small()).clock(clock).build();
        try (FakeIntercom fake = FakeIntercom.start(options)) {
            FakeWorkspaceRun run = new FakeWorkspaceRun(fake, clock, dir, ALL, c -> c.put("search_page_size", 10));

            TapRun.Result result = run.sync(null);

            assertEquals(0, result.exit(), result.toString());
            assertValidSinger(result);
            List<String> order = result.ofType("RECORD").stream().map(m -> m.path("stream").asText()).toList();
            assertTrue(order.indexOf("activity_logs") < order.lastIndexOf("contacts"),
                    "a later stream's records come while an earlier one is still being read");
            JsonNode last = result.lastState();
            assertTrue(last.path("currently_syncing").isNull(), last.toString());
            for (String stream : List.of("contacts", "companies", "conversations", "tickets", "articles", "activity_logs",
                    "contact_notes", "company_segments", "conversation_parts")) {
                assertTrue(last.path("bookmarks").path(stream).isObject(), stream + " has a bookmark in " + last);
            }
        }
    }

    /**
     * Every line is a whole JSON message (TapRun reads them so); no RECORD comes before its stream's
     * SCHEMA; every STATE is a whole state with every bookmark an earlier STATE had.
     */
    private static void assertValidSinger(TapRun.Result result) {
        Set<String> announced = new java.util.HashSet<>();
        Set<String> bookmarked = new java.util.HashSet<>();
        for (JsonNode message : result.messages()) {
            switch (message.path("type").asText()) {
                case "SCHEMA" -> announced.add(message.path("stream").asText());
                case "RECORD", "ACTIVATE_VERSION" -> assertTrue(announced.contains(message.path("stream").asText()),
                        "a message of " + message.path("stream").asText() + " before its SCHEMA");
                case "STATE" -> {
                    JsonNode bookmarks = message.path("value").path("bookmarks");
                    assertTrue(bookmarks.isObject(), message.toString());
                    bookmarked.forEach(stream -> assertTrue(bookmarks.has(stream), stream + " lost its bookmark: " + message));
                    bookmarks.fieldNames().forEachRemaining(bookmarked::add);
                }
                default -> throw new AssertionError("not a Singer message: " + message);
            }
        }
    }

    @Test
    void aSecondSyncAfterUpdatesPicksUpExactlyTheChangedRecordsAndTheAttributionWindow() {
        MutableClock clock = new MutableClock(FAKE_NOW.plus(Duration.ofHours(1)));
        FakeOptions options = FakeOptions.builder().profile(WorkspaceProfile.small()).clock(clock).build();
        try (FakeIntercom fake = FakeIntercom.start(options)) {
            FakeWorkspaceRun run = new FakeWorkspaceRun(fake, clock, dir,
                    Set.of("contacts", "companies", "conversations", "conversation_parts", "tickets"));
            TapRun.Result first = run.sync(null);
            assertEquals(0, first.exit(), first.toString());
            JsonNode state = first.lastState();

            long updatedAt = FAKE_NOW.plus(Duration.ofMinutes(90)).getEpochSecond();
            Map<String, List<String>> touched = new TreeMap<>();
            for (String stream : List.of("contacts", "companies", "conversations", "tickets")) {
                touched.put(stream, fake.workspace().touch(stream, 7, updatedAt));
            }
            clock.set(FAKE_NOW.plus(Duration.ofHours(2)));
            TapRun.Result second = run.sync(state);

            assertEquals(0, second.exit(), second.toString());
            SchemaCheck.assertValid(second);
            for (String stream : touched.keySet()) {
                Instant bookmark = Instant.parse(state.path("bookmarks").path(stream).path("updated_at").asText());
                long windowStart = bookmark.minus(Duration.ofDays(30)).getEpochSecond();
                Set<String> expected = new java.util.TreeSet<>();
                fake.workspace().expected(stream).forEach((id, updated) -> {
                    if (updated >= windowStart) {
                        expected.add(id);
                    }
                });
                assertTrue(expected.containsAll(touched.get(stream)));
                assertEquals(expected, new java.util.TreeSet<>(second.ids(stream)), stream);
                assertEquals(second.ids(stream).size(), expected.size(), stream + " emitted a record twice");
            }
            Set<String> conversationsWithParts = new java.util.TreeSet<>();
            second.records("conversation_parts").forEach(p -> conversationsWithParts.add(p.path("conversation_id").asText()));
            assertEquals(new java.util.TreeSet<>(second.ids("conversations")), conversationsWithParts,
                    "every changed conversation, and only those, has its parts re-read");
        }
    }

    private static String[] args(FakeWorkspaceRun run, JsonNode state) {
        if (state == null) {
            return new String[] {"--config", run.config, "--catalog", run.catalog};
        }
        return new String[] {"--config", run.config, "--catalog", run.catalog, "--state",
                io.tapintercom.e2e.E2E.write(run.dir, "state.json", state)};
    }

    private static void assertEverything(Map<String, Map<String, Long>> truth, Map<String, Map<String, Long>> seen) {
        for (String stream : FakeWorkspaceRun.streamsChecked()) {
            Map<String, Long> expected = truth.get(stream);
            Map<String, Long> actual = seen.getOrDefault(stream, Map.of());
            assertTrue(expected.size() > 0, stream + " has no records in the fake");
            List<String> missing = new ArrayList<>();
            expected.forEach((id, timestamp) -> {
                if (!timestamp.equals(actual.get(id))) {
                    missing.add(id + "@" + timestamp + " (seen " + actual.get(id) + ")");
                }
            });
            assertTrue(missing.isEmpty(), stream + ": " + missing.size() + " of " + expected.size()
                    + " records missing or stale, e.g. " + missing.subList(0, Math.min(5, missing.size())));
        }
    }
}
