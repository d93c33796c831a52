package io.tapintercom.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.tapintercom.singer.DateTimes;
import io.tapintercom.singer.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * Shared plumbing of the incremental-stream end-to-end tests: the files a run is handed (config,
 * catalog with only the streams under test selected, state), realistic records with chosen
 * timestamps, and the usual assertions on a run's output.
 */
final class IncrementalE2E {
    static final Instant NOW = TapRun.NOW;
    /** E2E.config's start_date. */
    static final Instant START = Instant.parse("2020-01-01T00:00:00Z");
    static final long DAY = 86_400;

    private IncrementalE2E() {}

    static Instant at(String iso) {
        return Instant.parse(iso);
    }

    static long epoch(String iso) {
        return Instant.parse(iso).getEpochSecond();
    }

    /** A bookmark as the tap writes it: RFC 3339, UTC, six fraction digits. */
    static String iso(Instant instant) {
        return DateTimes.format(instant);
    }

    static Instant days(Instant instant, long days) {
        return instant.plus(Duration.ofDays(days));
    }

    static JsonNode json(String text) {
        try {
            return Json.MAPPER.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- records -------------------------------------------------------------------------------

    static ObjectNode contact(String id, Instant updated) {
        return Fixtures.object("contact", id, updated.getEpochSecond());
    }

    static ObjectNode conversation(String id, Instant updated) {
        return Fixtures.object("conversation", id, updated.getEpochSecond());
    }

    static ObjectNode ticket(String id, Instant updated) {
        return Fixtures.object("ticket", id, updated.getEpochSecond());
    }

    static ObjectNode company(String id, Instant updated) {
        return Fixtures.object("company", id, updated.getEpochSecond());
    }

    static ObjectNode article(String id, Instant updated) {
        return Fixtures.object("article", id, updated.getEpochSecond());
    }

    /** Activity logs replicate on created_at and have no updated_at. */
    static ObjectNode activityLog(String id, Instant created) {
        ObjectNode log = Fixtures.load("activity_log");
        log.put("id", id);
        log.put("created_at", created.getEpochSecond());
        return log;
    }

    static List<String> idsOf(List<? extends JsonNode> records) {
        return records.stream().map(r -> r.path("id").asText()).toList();
    }

    // ---- files -------------------------------------------------------------------------------

    static String config(Path dir, String baseUrl) {
        return config(dir, baseUrl, c -> c);
    }

    static String config(Path dir, String baseUrl, UnaryOperator<ObjectNode> change) {
        return E2E.write(dir, "config-" + (++files) + ".json", change.apply(E2E.config(baseUrl)));
    }

    /**
     * The config with a User-Agent naming the run. A killed run's prefetch thread can still have a
     * request in flight when the next run starts; the header tells whose request it was.
     */
    static String config(Path dir, String baseUrl, String userAgent, UnaryOperator<ObjectNode> change) {
        return config(dir, baseUrl, c -> change.apply(c).put("user_agent", userAgent));
    }

    /** The discovered catalog with only these streams selected (children deselected). */
    static String catalog(Path dir, String config, String... streams) {
        TapRun.Result discovered = TapRun.tap().run("--config", config, "--discover");
        assertEquals(0, discovered.exit(), discovered.toString());
        return E2E.write(dir, "catalog.json", E2E.select(discovered.json(), Set.of(streams)));
    }

    private static int files;

    static String state(Path dir, JsonNode state) {
        return E2E.write(dir, "state-" + (++files) + ".json", state);
    }

    static String state(Path dir, String state) {
        return E2E.writeText(dir, "state-" + (++files) + ".json", state);
    }

    // ---- runs ---------------------------------------------------------------------------------

    /** A run that must succeed, with every RECORD valid against its SCHEMA. */
    static TapRun.Result sync(Instant clock, String config, String catalog, String state) {
        TapRun.Result result = state == null
                ? TapRun.tap().at(clock).run("--config", config, "--catalog", catalog)
                : TapRun.tap().at(clock).run("--config", config, "--catalog", catalog, "--state", state);
        assertEquals(0, result.exit(), result.toString());
        SchemaCheck.assertValid(result);
        return result;
    }

    /** A run killed just after its N-th STATE; what it wrote up to then must still be valid Singer. */
    static TapRun.Result killed(int states, Instant clock, String config, String catalog, String state) {
        TapRun run = TapRun.tap().at(clock).killedAfterStates(states);
        TapRun.Result result = state == null
                ? run.run("--config", config, "--catalog", catalog)
                : run.run("--config", config, "--catalog", catalog, "--state", state);
        assertNotEquals(0, result.exit(), "the run was meant to be killed after STATE " + states + "\n" + result);
        assertEquals(states, result.ofType("STATE").size(), result.toString());
        SchemaCheck.assertValid(result);
        return result;
    }

    /** Message types in order, with the stream: "STATE", "SCHEMA:contacts", "RECORD:contacts"... */
    static List<String> kinds(TapRun.Result result) {
        return result.messages().stream()
                .map(m -> m.path("type").asText() + (m.has("stream") ? ":" + m.path("stream").asText() : "")).toList();
    }

    /** kinds() with each run of consecutive RECORDs of one stream folded to "RECORD:s xN". */
    static List<String> shape(TapRun.Result result) {
        List<String> folded = new ArrayList<>();
        String last = null;
        int count = 0;
        for (String kind : kinds(result)) {
            if (kind.startsWith("RECORD:") && kind.equals(last)) {
                count++;
                folded.set(folded.size() - 1, kind + " x" + count);
                continue;
            }
            last = kind;
            count = 1;
            folded.add(kind.startsWith("RECORD:") ? kind + " x1" : kind);
        }
        return folded;
    }

    static List<JsonNode> stateValues(TapRun.Result result) {
        return result.ofType("STATE").stream().map(m -> m.get("value")).toList();
    }

    static String bookmark(JsonNode state, String stream, String key) {
        JsonNode value = state.path("bookmarks").path(stream).path(key);
        return value.isMissingNode() || value.isNull() ? null : value.asText();
    }

    static Instant bookmarkInstant(JsonNode state, String stream, String key) {
        String text = bookmark(state, stream, key);
        return text == null ? null : Instant.parse(text);
    }

    /** Where a run resumed from this state starts reading a stream: bookmark − window, never before start. */
    static Instant expectedFrom(JsonNode state, String stream, String key, int windowDays, Instant startDate) {
        Instant bookmark = bookmarkInstant(state, stream, key);
        if (bookmark == null) {
            return startDate;
        }
        Instant replayed = bookmark.minus(Duration.ofDays(windowDays));
        return replayed.isBefore(startDate) ? startDate : replayed;
    }

    /**
     * The bookmark rules, checked on every STATE of a run: it only moves forward, never past the run's
     * clock, and (once it moved) never past the highest replication-key value already emitted.
     */
    static void assertBookmarksFollowRecords(TapRun.Result result, String stream, String key, Instant clock) {
        Instant highestEmitted = null;
        Instant previous = null;
        Instant initial = null;
        boolean first = true;
        for (JsonNode message : result.messages()) {
            String type = message.path("type").asText();
            if (type.equals("RECORD") && message.path("stream").asText().equals(stream)) {
                Instant value = Instant.parse(message.path("record").path(key).asText());
                highestEmitted = highestEmitted == null || value.isAfter(highestEmitted) ? value : highestEmitted;
            } else if (type.equals("STATE")) {
                Instant bookmark = bookmarkInstant(message.get("value"), stream, key);
                if (first) {
                    initial = bookmark;
                    first = false;
                }
                if (bookmark == null) {
                    continue;
                }
                if (previous != null && bookmark.isBefore(previous)) {
                    throw new AssertionError(stream + " bookmark went back from " + previous + " to " + bookmark);
                }
                if (bookmark.isAfter(clock)) {
                    throw new AssertionError(stream + " bookmark " + bookmark + " is past the run's clock " + clock);
                }
                if (!bookmark.equals(initial) && (highestEmitted == null || bookmark.isAfter(highestEmitted))) {
                    throw new AssertionError(stream + " bookmark " + bookmark + " is past every record emitted so far ("
                            + highestEmitted + ")");
                }
                previous = bookmark;
            }
        }
    }

    /** Ids of both runs together (duplicates collapse): what a target holds after deduping. */
    static Set<String> union(List<String> first, List<String> second) {
        Set<String> all = new LinkedHashSet<>(first);
        all.addAll(second);
        return all;
    }

    /** A logged request's query, exactly (every parameter, single-valued). */
    static Map<String, String> queryOf(LoggedRequest request) {
        Map<String, String> query = new TreeMap<>();
        for (Map.Entry<String, QueryParameter> entry : request.getQueryParams().entrySet()) {
            List<String> values = entry.getValue().values();
            assertEquals(1, values.size(), "parameter " + entry.getKey() + " sent more than once: " + request.getUrl());
            query.put(entry.getKey(), values.get(0));
        }
        return query;
    }

    /** The single STATE value (or CRITICAL line) a failing run left: stderr's CRITICAL lines. */
    static List<String> criticalLines(TapRun.Result result) {
        return result.stderr().lines().filter(l -> l.startsWith("CRITICAL")).toList();
    }
}
